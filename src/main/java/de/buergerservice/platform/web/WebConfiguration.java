package de.buergerservice.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Language selection: German or English, remembered per browser.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new CityLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RememberLanguage(localeResolver())).excludePathPatterns("/api/**");
	}

	/** A page visited with {@code ?lang=en} keeps English for the following pages. */
	private record RememberLanguage(LocaleResolver resolver) implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			CityLocaleResolver.supported(request.getParameter(CityLocaleResolver.PARAMETER))
				.ifPresent(locale -> resolver.setLocale(request, response, locale));
			return true;
		}

	}

}
