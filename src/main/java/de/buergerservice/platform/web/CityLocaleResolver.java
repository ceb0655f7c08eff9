package de.buergerservice.platform.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks German or English: an explicit {@code lang=de|en} parameter first, then the
 * language the citizen chose earlier (a cookie), then the browser's
 * {@code Accept-Language}; German otherwise. Anything but German and English falls back
 * to German.
 */
class CityLocaleResolver implements LocaleResolver {

	static final String PARAMETER = "lang";

	static final String COOKIE = "lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return fromParameter(request).or(() -> fromCookie(request))
			.or(() -> fromAcceptLanguage(request))
			.orElse(Locale.GERMAN);
	}

	/**
	 * The {@code lang} parameter; none where the parameters cannot be read (undecodable,
	 * or refused by the firewall): the request is answered as a client error, in German.
	 */
	private static Optional<Locale> fromParameter(HttpServletRequest request) {
		return supported(parameter(request));
	}

	static @Nullable String parameter(HttpServletRequest request) {
		try {
			return request.getParameter(PARAMETER);
		}
		catch (InvalidParameterException | RequestRejectedException ex) {
			return null;
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (response == null) {
			return;
		}
		Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(locale == null ? 0 : 60 * 60 * 24 * 365);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	static Optional<Locale> supported(@Nullable String language) {
		if ("de".equals(language)) {
			return Optional.of(Locale.GERMAN);
		}
		if ("en".equals(language)) {
			return Optional.of(Locale.ENGLISH);
		}
		return Optional.empty();
	}

	private static Optional<Locale> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter(cookie -> COOKIE.equals(cookie.getName()))
			.findFirst()
			.flatMap(cookie -> supported(cookie.getValue()));
	}

	/** The header; none if the firewall refuses its value (control characters). */
	private static Optional<Locale> fromAcceptLanguage(HttpServletRequest request) {
		try {
			if (request.getHeader("Accept-Language") == null) {
				return Optional.empty();
			}
			return Collections.list(request.getLocales())
				.stream()
				.map(locale -> supported(locale.getLanguage()))
				.flatMap(Optional::stream)
				.findFirst();
		}
		catch (RequestRejectedException ex) {
			return Optional.empty();
		}
	}

}
