package de.buergerservice.booking.internal;

import java.time.Duration;

import javax.sql.DataSource;

import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.Email;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.stereotype.Component;

/**
 * Rate limits per client address and per e-mail address (Bucket4j), kept in PostgreSQL so
 * that they hold across every instance.
 */
@Component
public class RateLimits {

	private final ProxyManager<String> buckets;

	private final BucketConfiguration perClient;

	private final BucketConfiguration perEmail;

	RateLimits(DataSource dataSource, BookingProperties properties) {
		BookingProperties.Limits limits = properties.limits();
		Duration window = limits.window();
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("booking.rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
			.build();
		this.perClient = configuration(limits.perClient(), window);
		this.perEmail = configuration(limits.perEmail(), window);
	}

	private static BucketConfiguration configuration(int requests, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window))
			.build();
	}

	/** Counts a request of a client; throws once the client is past its limit. */
	public void countClient(String client) {
		if (!buckets.builder().build("client:" + client, () -> perClient).tryConsume(1)) {
			throw new BookingException.LimitReached(BookingException.Limit.REQUESTS_PER_CLIENT);
		}
	}

	/**
	 * Counts a request for an e-mail address; throws once the address is past its limit.
	 */
	public void countEmail(Email email) {
		if (!buckets.builder().build("email:" + email.normalized(), () -> perEmail).tryConsume(1)) {
			throw new BookingException.LimitReached(BookingException.Limit.REQUESTS_PER_EMAIL);
		}
	}

}
