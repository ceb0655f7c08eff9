package de.buergerservice.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UrlPathHelper;

/**
 * A page's form that was not worked on, to send again as it was: where it went and what
 * it carried. The busy page ({@link AdmissionControl}) offers it as a button, so that a
 * citizen shed in a rush sends the entries once more with one click instead of going back
 * and typing them again; without JavaScript, as every form.
 * <p>
 * Only for an ordinary form ({@code application/x-www-form-urlencoded}): a file chosen
 * for an upload cannot be sent again from a page. The CSRF token is left out, the new
 * form gets its own.
 *
 * @param action the path within the application the form was sent to
 * @param fields the form's fields in their order, a field sent twice twice
 */
record Resend(String action, List<Field> fields) {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/** One field of the form. */
	record Field(String name, String value) {
	}

	/** The form of a request to send again, or {@code null} if it cannot be. */
	static @Nullable Resend of(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !ordinaryForm(request.getContentType())) {
			return null;
		}
		String csrf = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
				? token.getParameterName() : "_csrf";
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!parameter.getKey().equals(csrf)) {
				for (String value : parameter.getValue()) {
					fields.add(new Field(parameter.getKey(), value));
				}
			}
		}
		// sanitized (no "//"), so that the action cannot read as another host's address
		return new Resend(PATHS.getPathWithinApplication(request), List.copyOf(fields));
	}

	private static boolean ordinaryForm(@Nullable String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
