package de.buergerservice.platform.web;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An API request that finds no database connection (the database down or restarting,
 * every pooled connection busy past the pool's wait) is told to come back: 503 with
 * {@code Retry-After} as a problem document, not a 500 that reads as a fault.
 */
class DatabaseOutOfReachTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OutOfReach())
		.setControllerAdvice(new ApiExceptionHandler(new ProblemFactory(messages())))
		.build();

	@Test
	void noConnectionForATransactionIsA503WithRetryAfter() throws Exception {
		assertUnavailable(mvc.perform(get("/api/v1/pool")).andReturn().getResponse());
	}

	@Test
	void noConnectionFromThePoolIsA503WithRetryAfter() throws Exception {
		assertUnavailable(mvc.perform(get("/api/v1/driver")).andReturn().getResponse());
	}

	private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("Exception");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@RestController
	static class OutOfReach {

		@GetMapping("/api/v1/pool")
		String pool() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping("/api/v1/driver")
		String driver() throws SQLTransientConnectionException {
			throw new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms");
		}

	}

}
