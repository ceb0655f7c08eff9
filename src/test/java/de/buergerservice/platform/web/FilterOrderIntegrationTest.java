package de.buergerservice.platform.web;

import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own filters come first: reads take their turns, then changes are
 * admitted or shed, and only then do the staff sessions and the security filters (and
 * everything after them) start working on a request.
 */
@IntegrationTest
class FilterOrderIntegrationTest {

	@Autowired
	FilterRegistrationBean<TakeTurns> turns;

	@Autowired
	FilterRegistrationBean<AdmissionControl> admission;

	@Autowired
	DelegatingFilterProxyRegistrationBean sessionRepositoryFilterRegistration;

	@Autowired
	DelegatingFilterProxyRegistrationBean securityFilterChainRegistration;

	@Test
	void turnsThenAdmissionThenSessionsAndSecurity() {
		assertThat(turns.getOrder()).isLessThan(admission.getOrder());
		assertThat(admission.getOrder()).isLessThan(sessionRepositoryFilterRegistration.getOrder())
			.isLessThan(securityFilterChainRegistration.getOrder());
	}

}
