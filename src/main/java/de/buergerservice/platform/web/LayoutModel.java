package de.buergerservice.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.shared.City;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every page: the city, the other language and the link
 * that shows the same page in it. Added after the handler, only when a page template is
 * about to be rendered: answers of the API, redirects and other views need none of it.
 * Error pages rendered by exception handlers get it through {@link #attributes}, since
 * Spring calls interceptors after regular handlers only.
 * <p>
 * The link is the request's path with a GET's query; a handler whose page answers a form
 * names the page that shows the same in the model attribute {@value #SWITCH_FROM}.
 */
@Component
class LayoutModel implements HandlerInterceptor {

	/** The model attribute naming the link the language switch leads to. */
	static final String SWITCH_FROM = "languageSwitchFrom";

	private final City city;

	LayoutModel(City city) {
		this.city = city;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page != null && isTemplate(page.getViewName())) {
			Locale locale = RequestContextUtils.getLocale(request);
			String other = otherLanguage(locale);
			String url = page.getModel().get(SWITCH_FROM) instanceof String link ? switchUrl(link, other)
					: languageSwitchUrl(request, other);
			page.getModelMap().mergeAttributes(attributes(other, url));
		}
	}

	Map<String, Object> attributes(HttpServletRequest request, Locale locale) {
		String other = otherLanguage(locale);
		return attributes(other, languageSwitchUrl(request, other));
	}

	private Map<String, Object> attributes(String otherLanguage, String languageSwitchUrl) {
		return Map.of("city", city, "otherLanguage", otherLanguage, "languageSwitchUrl", languageSwitchUrl);
	}

	private static String otherLanguage(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "de" : "en";
	}

	/** A link of the application's own with the language replaced. */
	private static String switchUrl(String link, String language) {
		return UriComponentsBuilder.fromUriString(link)
			.replaceQueryParam(CityLocaleResolver.PARAMETER, language)
			.build()
			.toUriString();
	}

	/** A view name that names a template, not a redirect or forward. */
	private static boolean isTemplate(@Nullable String viewName) {
		return viewName != null && !viewName.startsWith("redirect:") && !viewName.startsWith("forward:");
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
