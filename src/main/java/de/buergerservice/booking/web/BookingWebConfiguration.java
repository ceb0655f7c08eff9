package de.buergerservice.booking.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The booking API's own argument: the availability questions' parameters. */
@Configuration(proxyBeanMethods = false)
class BookingWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AvailabilityParameters.Resolver());
	}

}
