package de.buergerservice.staff.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How staff passwords are hashed: Spring Security's delegating encoder (bcrypt today, the
 * algorithm named in each hash, so that it can change without resetting passwords).
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurity {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
