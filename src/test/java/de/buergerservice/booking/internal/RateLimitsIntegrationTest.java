package de.buergerservice.booking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.Email;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rate limits' buckets in PostgreSQL: a request is counted in one transaction, or two
 * for an address never seen, racing requests for a new address take exactly its limit,
 * and the hourly purge removes a bucket that has filled up again (Bucket4j sets when, by
 * the system's clock) with the e-mail address in its key, and keeps one that still
 * limits.
 */
@IntegrationTest
class RateLimitsIntegrationTest {

	@Autowired
	RateLimits limits;

	@Autowired
	BookingJobs jobs;

	@Autowired
	BookingProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/**
	 * Bucket4j first asks for a bucket and sends its configuration only when it is not
	 * stored: two transactions for a new address, one for a known one (with row locks a
	 * new one took three, the first to insert a row to lock).
	 */
	@Test
	void aNewAddressIsCountedInTwoTransactionsAndAKnownOneInOne() {
		CountingDataSource counting = new CountingDataSource(dataSource);
		RateLimits counted = new RateLimits(counting, properties);
		try {
			Email email = unique("new");
			counted.countEmail(email);
			assertThat(counting.connections).as("transactions for a new bucket").hasValue(2);
			counted.countEmail(email);
			assertThat(counting.connections).as("and for a stored one").hasValue(3);
		}
		finally {
			counted.destroy();
		}
	}

	@Test
	void racingRequestsForANewAddressTakeExactlyItsLimit() throws Exception {
		Email rushed = unique("rushed");
		int limit = properties.limits().perEmail();
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < limit + 6; i++) {
			requests.add(() -> {
				try {
					limits.countEmail(rushed);
					return true;
				}
				catch (BookingException.LimitReached ex) {
					return false;
				}
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			int counted = 0;
			for (Future<Boolean> request : threads.invokeAll(requests)) {
				counted += request.get() ? 1 : 0;
			}
			assertThat(counted).isEqualTo(limit);
			assertThat(buckets(rushed)).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aBucketFullAgainIsRemovedAndAnotherKept() {
		Email quiet = unique("quiet");
		Email recent = unique("recent");
		limits.countEmail(quiet);
		limits.countEmail(recent);
		jdbc.sql("UPDATE booking.rate_limit_bucket SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1000, "email:" + quiet.normalized())
			.update();

		jobs.purge();

		assertThat(buckets(quiet, recent)).containsExactly("email:" + recent.normalized());
	}

	@Test
	void anEmptiedBucketIsKeptAndStillLimits() {
		Email busy = unique("busy");
		for (int i = 0; i < properties.limits().perEmail(); i++) {
			limits.countEmail(busy);
		}

		jobs.purge();

		assertThat(buckets(busy)).hasSize(1);
		assertThatExceptionOfType(BookingException.LimitReached.class).isThrownBy(() -> limits.countEmail(busy));
	}

	private List<String> buckets(Email... emails) {
		return jdbc.sql("SELECT id FROM booking.rate_limit_bucket WHERE id IN (:ids) ORDER BY id")
			.param("ids", Arrays.stream(emails).map(email -> "email:" + email.normalized()).toList())
			.query(String.class)
			.list();
	}

	private static Email unique(String who) {
		return Email.of(who + "-" + UUID.randomUUID() + "@example.org");
	}

	/**
	 * Counts the connections taken (Bucket4j takes one per transaction); not a wrapper of
	 * Hikari's, so the buckets use it as it is.
	 */
	private static final class CountingDataSource extends DelegatingDataSource {

		final AtomicInteger connections = new AtomicInteger();

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			connections.incrementAndGet();
			return super.getConnection();
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return type.isInstance(this);
		}

	}

}
