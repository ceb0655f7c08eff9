package de.buergerservice.events.web;

import java.util.Locale;
import java.util.Map;

import de.buergerservice.events.EventException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Refused registrations as problem documents: 400 with field errors for a wrong request,
 * 404 for an unknown event, 409 when neither a seat nor a waiting-list place is to be had
 * (or the e-mail address is registered already). The controllers answer with them where
 * they catch a refusal (the platform's handler answers every other exception).
 */
@Component
class EventProblems {

	private final MessageSource messages;

	EventProblems(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<ProblemDetail> refused(EventException ex, Locale locale) {
		return switch (ex) {
			case EventException.Invalid invalid -> {
				ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.detail.invalid", locale);
				problem.setProperty("errors",
						invalid.problems()
							.stream()
							.map(error -> Map.of("field", error.field(), "message",
									messages.getMessage(error.messageKey(), error.arguments().toArray(), locale)))
							.toList());
				yield ResponseEntity.badRequest().body(problem);
			}
			case EventException.UnknownEvent unknown ->
				status(HttpStatus.NOT_FOUND, "events.problem.unknownEvent", locale);
			case EventException.Full full -> status(HttpStatus.CONFLICT, "events.problem.full", locale);
			case EventException.Closed closed -> status(HttpStatus.CONFLICT, "events.problem.closed", locale);
			case EventException.AlreadyRegistered already ->
				status(HttpStatus.CONFLICT, "events.problem.alreadyRegistered", locale);
		};
	}

	ResponseEntity<ProblemDetail> status(HttpStatus status, String detailKey, Locale locale) {
		return ResponseEntity.status(status).body(problem(status, detailKey, locale));
	}

	ProblemDetail problem(HttpStatusCode status, String detailKey, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null,
				messages.getMessage("problem.title.default", null, locale), locale));
		problem.setDetail(messages.getMessage(detailKey, null, locale));
		return problem;
	}

}
