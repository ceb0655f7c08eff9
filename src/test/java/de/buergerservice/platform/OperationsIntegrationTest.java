package de.buergerservice.platform;

import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operations tools see: health probes, Prometheus metrics, nothing else of Actuator,
 * and security headers on every page.
 */
@IntegrationTest
class OperationsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void reportsLivenessAndReadiness() throws Exception {
		mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void exposesPrometheusMetrics() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")))
			.andExpect(content().string(containsString("application=\"buergerservice\"")));
	}

	@Test
	void timesRequestsButNotEachSecurityFilter() throws Exception {
		mvc.perform(get("/api/v1/procedures")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests_seconds_count")))
			.andExpect(content().string(not(containsString("spring_security_filterchains"))));
	}

	@Test
	void hidesEveryOtherActuatorEndpoint() throws Exception {
		mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/heapdump")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/env").with(user("admin").authorities(() -> "ROLE_STAFF")))
			.andExpect(status().isForbidden());
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

}
