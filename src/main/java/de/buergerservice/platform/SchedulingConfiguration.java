package de.buergerservice.platform;

import de.buergerservice.shared.SecretBox;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The modules' jobs run on a schedule; production refuses to start with the development
 * secret.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

	@Bean
	@Profile("prod")
	InitializingBean productionSecret(SecretBox secrets) {
		return () -> {
			if (secrets.isDevelopmentSecret()) {
				throw new IllegalStateException(
						"Set buergerservice.security.secret (BUERGERSERVICE_SECURITY_SECRET) for production");
			}
		};
	}

}
