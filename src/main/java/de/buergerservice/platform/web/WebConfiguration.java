package de.buergerservice.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Language selection (German or English, remembered per browser), the page layout's
 * model, content negotiation that survives broken headers, turns for reads and admission
 * control for citizens' changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class WebConfiguration implements WebMvcConfigurer {

	private final AdmissionProperties admission;

	private final MeterRegistry meters;

	private final LayoutModel layout;

	WebConfiguration(AdmissionProperties admission, MeterRegistry meters, LayoutModel layout) {
		this.admission = admission;
		this.meters = meters;
		this.layout = layout;
	}

	/** Before every other filter: a request waiting for its turn has cost nothing yet. */
	@Bean
	FilterRegistrationBean<TakeTurns> takeTurns() {
		FilterRegistrationBean<TakeTurns> registration = new FilterRegistrationBean<>(new TakeTurns());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Right after the turns: a change that is shed costs no more than its answer. */
	@Bean
	FilterRegistrationBean<AdmissionControl> admissionControl(ProblemFactory problems, JsonMapper json) {
		FilterRegistrationBean<AdmissionControl> registration = new FilterRegistrationBean<>(
				new AdmissionControl(admission, meters, problems, localeResolver(), json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new CityLocaleResolver();
	}

	/**
	 * An {@code Accept} header that cannot be parsed counts as absent, so that the answer
	 * (an error above all) can still be written.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new LenientAccept()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RememberLanguage(localeResolver())).excludePathPatterns("/api/**");
		registry.addInterceptor(new AdmissionControl.ShedPages());
		registry.addInterceptor(layout).excludePathPatterns("/api/**");
	}

	private static final class LenientAccept extends HeaderContentNegotiationStrategy {

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
			try {
				return super.resolveMediaTypes(request);
			}
			catch (HttpMediaTypeNotAcceptableException | RequestRejectedException ex) {
				return MEDIA_TYPE_ALL_LIST;
			}
		}

	}

	/** A page visited with {@code ?lang=en} keeps English for the following pages. */
	private record RememberLanguage(LocaleResolver resolver) implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			CityLocaleResolver.supported(CityLocaleResolver.parameter(request))
				.ifPresent(locale -> resolver.setLocale(request, response, locale));
			return true;
		}

	}

}
