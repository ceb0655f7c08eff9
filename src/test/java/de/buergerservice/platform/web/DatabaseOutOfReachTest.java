package de.buergerservice.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A request that finds no database connection (the database down or restarting, every
 * pooled connection busy past the pool's wait) or loses it midway is told to come back:
 * 503 with {@code Retry-After} as a problem document or a page, not a 500 that reads as a
 * fault.
 */
class DatabaseOutOfReachTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OutOfReach(), new Pages())
		.setControllerAdvice(ErrorHandlers.both())
		.build();

	@Test
	void noConnectionForATransactionIsA503WithRetryAfter() throws Exception {
		assertUnavailable(mvc.perform(get("/api/v1/pool")).andReturn().getResponse());
	}

	@Test
	void noConnectionFromThePoolIsA503WithRetryAfter() throws Exception {
		assertUnavailable(mvc.perform(get("/api/v1/driver")).andReturn().getResponse());
	}

	/**
	 * PostgreSQL going away in the middle of a request, as its immediate shutdown showed:
	 * the rollback of the broken transaction fails, the rate limits' library wraps the
	 * connection HikariCP closed (a plain "Connection is closed" without a state), Spring
	 * translates an I/O error.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/rollback", "/api/v1/bucket", "/api/v1/rollback-after-io", "/api/v1/io" })
	void aConnectionLostMidRequestIsA503WithRetryAfter(String path) throws Exception {
		assertUnavailable(mvc.perform(get(path)).andReturn().getResponse());
	}

	@Test
	void aConnectionLostMidRequestOnAPageIsA503Page() throws Exception {
		MvcResult result = mvc.perform(get("/seite")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("10");
		assertThat(result.getModelAndView()).isNotNull();
		assertThat(result.getModelAndView().getModel()).containsEntry("messageKey", "error.page.503");
	}

	@Test
	void aFailureOfOurOwnIsStillA500() throws Exception {
		assertThat(mvc.perform(get("/api/v1/ours")).andReturn().getResponse().getStatus()).isEqualTo(500);
	}

	private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("Exception");
	}

	@Controller
	static class Pages {

		@GetMapping("/seite")
		String page() {
			throw new TransactionSystemException("JDBC rollback failed",
					new SQLException("Connection is closed", "08003"));
		}

	}

	@RestController
	static class OutOfReach {

		@GetMapping("/api/v1/pool")
		String pool() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping("/api/v1/rollback")
		String rollback() {
			throw new TransactionSystemException("JDBC rollback failed",
					new SQLException("An I/O error occurred while sending to the backend.", "08006"));
		}

		@GetMapping("/api/v1/bucket")
		String bucket() {
			throw new IllegalStateException(new SQLException("Connection is closed"));
		}

		@GetMapping("/api/v1/rollback-after-io")
		String rollbackAfterIo() {
			TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
					new SQLException("Cannot roll back"));
			rollback.initApplicationException(
					new SQLException("An I/O error occurred while sending to the backend.", "08006"));
			throw rollback;
		}

		@GetMapping("/api/v1/io")
		String io() {
			throw new DataAccessResourceFailureException("PreparedStatementCallback; An I/O error occurred");
		}

		@GetMapping("/api/v1/ours")
		String ours() {
			throw new IllegalStateException("a fault of our own", new SQLException("duplicate key", "23505"));
		}

		@GetMapping("/api/v1/driver")
		String driver() throws SQLTransientConnectionException {
			throw new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms");
		}

	}

}
