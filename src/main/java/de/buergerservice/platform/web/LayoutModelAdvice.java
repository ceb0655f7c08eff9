package de.buergerservice.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import de.buergerservice.shared.City;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every page: the city, the other language and the link
 * that shows the same page in it. Error pages rendered by exception handlers get it
 * through {@link #attributes}, since Spring adds model attributes only to regular
 * handlers.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final City city;

	LayoutModelAdvice(City city) {
		this.city = city;
	}

	@ModelAttribute
	void layout(Model model, HttpServletRequest request, Locale locale) {
		model.addAllAttributes(attributes(request, locale));
	}

	Map<String, Object> attributes(HttpServletRequest request, Locale locale) {
		String other = "en".equals(locale.getLanguage()) ? "de" : "en";
		return Map.of("city", city, "otherLanguage", other, "languageSwitchUrl", languageSwitchUrl(request, other));
	}

	private static String languageSwitchUrl(HttpServletRequest request, String language) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorUri instanceof String uri ? uri : request.getRequestURI();
		if (path.isEmpty() || path.startsWith("//") || !path.startsWith("/")) {
			path = "/";
		}
		String query = errorUri == null && "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		try {
			return UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam(CityLocaleResolver.PARAMETER, language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return "/?" + CityLocaleResolver.PARAMETER + "=" + language;
		}
	}

}
