package de.buergerservice.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security defaults: citizens' pages and the public API are open, staff pages need a
 * login, every form carries a CSRF token (kept in a cookie so that any instance can check
 * it), and the browser is told to run only our own scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Swagger UI needs inline styles; it only ever shows our public API description. */
	private static final String API_DOCS_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain application(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/staff/login")
			.permitAll()
			.requestMatchers("/staff/**")
			.hasRole("STAFF")
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.anyRequest()
			.permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()).ignoringRequestMatchers("/api/**"))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.loginPage("/staff/login")
				.loginProcessingUrl("/staff/login")
				.defaultSuccessUrl("/staff", true)
				.failureUrl("/staff/login?error"))
			.logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?logout"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.pathPattern("/staff/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/staff/login"),
						PathPatternRequestMatcher.pathPattern("/staff/**")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Requests the firewall rejects (encoded slashes, odd characters) are a 400, not a
	 * 500.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler();
	}

}
