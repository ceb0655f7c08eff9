package de.buergerservice.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads "now" from, in the city's zone. Part of the shared kernel
 * so that each module, also alone in its module test, has it.
 */
@Configuration(proxyBeanMethods = false)
class CityClock {

	@Bean
	Clock clock(City city) {
		return Clock.system(city.zone());
	}

}
