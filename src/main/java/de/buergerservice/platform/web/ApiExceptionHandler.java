package de.buergerservice.platform.web;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import de.buergerservice.shared.NotFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the public API is an {@code application/problem+json} document:
 * localized, with field errors where the input was invalid, and never a stack trace.
 * Modules answer their own refusals with advice of a higher precedence (an explicit
 * {@code @Order} below this one); what they leave falls through to here, and only then to
 * the pages' handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ProblemFactory problems;

	ApiExceptionHandler(ProblemFactory problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problems.problem(HttpStatus.NOT_FOUND, ex.messageKey(), ex.arguments()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problems.problem(HttpStatus.FORBIDDEN, "problem.detail.403"));
	}

	/**
	 * A query or form parameter the server cannot decode (a broken percent escape, bytes
	 * that are not UTF-8): Tomcat refuses to read the parameters at all.
	 */
	@ExceptionHandler({ InvalidParameterException.class, RequestRejectedException.class })
	ResponseEntity<ProblemDetail> undecodable(RuntimeException ex) {
		return ResponseEntity.badRequest().body(problems.problem(HttpStatus.BAD_REQUEST, "problem.detail.400"));
	}

	/**
	 * The database out of reach (down, restarting, or every pooled connection busy past
	 * the pool's wait): 503 with {@code Retry-After}, so that a client tries again
	 * instead of reporting a fault.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, SQLTransientConnectionException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		LOG.warn("No database connection for an API request: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.detail.503"));
	}

	/** Too many changes at once on this instance (see {@link AdmissionControl}). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(AdmissionControl.Busy ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ex.retryAfter())
			.body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.detail.503.busy"));
	}

	/**
	 * Anything else is our fault — unless the database went away under it (a lost
	 * connection surfaces in many wrappings: 503 as above) — with one exception: Spring
	 * MVC refuses to read a body whose {@code Content-Type} is a wildcard
	 * ({@code *}{@code /*}) with an {@link IllegalArgumentException}, and that is an
	 * unsupported type.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (DatabaseOutOfReach.causedBy(ex)) {
			return unavailable(ex);
		}
		String type = request.getContentType();
		if (ex instanceof IllegalArgumentException && type != null && type.strip().startsWith("*")) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.body(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.detail.415"));
		}
		LOG.error("Unexpected error in the API", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.detail.unexpected"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult().getAllErrors().stream().map(problems::fieldMessage).toList();
		return ResponseEntity.badRequest().body(problems.invalid(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new ProblemFactory.FieldMessage(
						parameterName(result.getMethodParameter().getParameterName(), error), problems.message(error))))
			.toList();
		return ResponseEntity.badRequest().body(problems.invalid(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(problems.invalid(List.of(new ProblemFactory.FieldMessage(field, problems.message("typeMismatch")))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problems.invalid(List.of(new ProblemFactory.FieldMessage(ex.getParameterName(),
					problems.message("problem.field.required")))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problems.problem(HttpStatus.BAD_REQUEST, "problem.detail.unreadable"));
	}

	/** Every other Spring MVC exception keeps its status; title and detail are ours. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problems.problem(status, "problem.detail." + status.value());
		if (ex instanceof ErrorResponse && body instanceof ProblemDetail original && original.getProperties() != null) {
			original.getProperties().forEach(problem::setProperty);
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	private static String parameterName(@Nullable String parameter, MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		return parameter == null ? "?" : parameter;
	}

}
