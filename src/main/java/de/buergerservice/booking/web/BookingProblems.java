package de.buergerservice.booking.web;

import java.util.Locale;
import java.util.Map;

import de.buergerservice.booking.BookingException;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Booking's refusals as problem documents: 400 with field errors for a wrong request, 409
 * when a time was taken, 429 past a limit. Answered before the platform's general
 * handler.
 */
@RestControllerAdvice(assignableTypes = { AppointmentsApi.class, AvailabilityApi.class, WaitingListApi.class })
@Order(0)
class BookingProblems {

	private final MessageSource messages;

	BookingProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem document for any of booking's refusals. */
	ResponseEntity<ProblemDetail> of(BookingException ex, Locale locale) {
		return switch (ex) {
			case BookingException.Invalid invalid -> invalid(invalid, locale);
			case BookingException.Unavailable unavailable -> unavailable(unavailable, locale);
			case BookingException.LimitReached limit -> limit(limit, locale);
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(BookingException.Invalid ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.detail.invalid", locale);
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.map(error -> Map.of("field", error.field(), "message",
							messages.getMessage(error.messageKey(), error.arguments().toArray(), locale)))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(BookingException.Unavailable ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "booking.problem.unavailable", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> limit(BookingException.LimitReached ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "booking.problem.limit." + ex.limit().name(),
				locale);
		problem.setProperty("limit", ex.limit().name());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "600").body(problem);
	}

	ProblemDetail problem(HttpStatusCode status, String detailKey, Locale locale, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null,
				messages.getMessage("problem.title.default", null, locale), locale));
		problem.setDetail(messages.getMessage(detailKey, arguments, locale));
		return problem;
	}

}
