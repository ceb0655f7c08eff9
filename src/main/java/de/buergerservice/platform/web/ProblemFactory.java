package de.buergerservice.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Builds RFC 9457 problem documents in the caller's language: a localized title per
 * status, a detail that says what to change, and for invalid input the {@code errors}
 * array of {@code {field, message}}.
 */
@Component
class ProblemFactory {

	private final MessageSource messages;

	ProblemFactory(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail problem(HttpStatusCode status, String detailKey, Object... arguments) {
		return problem(locale(), status, detailKey, arguments);
	}

	/** A problem in the given language: for answers before Spring MVC has chosen one. */
	ProblemDetail problem(Locale locale, HttpStatusCode status, String detailKey, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(title(status, locale));
		problem.setDetail(messages.getMessage(detailKey, arguments, detailKey, locale));
		return problem;
	}

	ProblemDetail invalid(List<FieldMessage> errors) {
		ProblemDetail problem = problem(HttpStatusCode.valueOf(400), "problem.detail.invalid");
		problem.setProperty("errors", errors);
		return problem;
	}

	String title(HttpStatusCode status) {
		return title(status, locale());
	}

	private String title(HttpStatusCode status, Locale locale) {
		return messages.getMessage("problem.title." + status.value(), null,
				messages.getMessage("problem.title.default", null, locale), locale);
	}

	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale());
	}

	String message(MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, locale());
	}

	/**
	 * The message of a validation error: ours if we have one, the validator's otherwise.
	 */
	FieldMessage fieldMessage(ObjectError error) {
		String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
		return new FieldMessage(field, message(error));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** One entry of a problem's {@code errors} array. */
	record FieldMessage(String field, String message) {
	}

}
