package de.buergerservice.booking.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.Email;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rate limits' buckets in PostgreSQL: the hourly purge removes one that has filled up
 * again (Bucket4j sets when, by the system's clock) with the e-mail address in its key,
 * and keeps one that still limits.
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

}
