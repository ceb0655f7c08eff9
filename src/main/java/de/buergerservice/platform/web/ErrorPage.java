package de.buergerservice.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The readable error page: its status, a message key saying what happened and what to do.
 */
final class ErrorPage {

	private static final java.util.Set<Integer> EXPLAINED = java.util.Set.of(400, 403, 404, 405, 406, 409, 413, 415,
			429, 500, 503);

	private ErrorPage() {
	}

	static ModelAndView of(HttpStatusCode status, String messageKey, Object... arguments) {
		ModelAndView page = new ModelAndView("error",
				Map.of("status", status.value(), "messageKey", messageKey, "messageArguments", arguments));
		page.setStatus(status);
		return page;
	}

	/** The generic explanation for a status, e.g. {@code error.page.404}. */
	static String keyFor(int status) {
		if (EXPLAINED.contains(status)) {
			return "error.page." + status;
		}
		return status >= 500 ? "error.page.500" : "error.page.400";
	}

}
