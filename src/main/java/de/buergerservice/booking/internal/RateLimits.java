package de.buergerservice.booking.internal;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.Email;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rate limits per client address and per e-mail address (Bucket4j), kept in PostgreSQL so
 * that they hold across every instance.
 * <p>
 * The buckets use a few connections of their own whose commits do not wait for the disk
 * ({@code synchronous_commit = off}): a booking rush would otherwise wait for three
 * flushes per booking instead of one, and a counted request lost to a database crash
 * costs nothing. Their statements are planned at every run
 * ({@code plan_cache_mode = force_custom_plan}): the table is small after a quiet night
 * and grows by a row per new address in a rush, and a plan made while it was empty read
 * the whole table for every request (in the Berlin rush more rows than the bookings
 * themselves).
 * <p>
 * A bucket expires once it has filled up again, since a full bucket is what a new one
 * would be, and {@link #purge()} removes it: the table holds e-mail addresses, which are
 * kept no longer than they limit anything.
 */
@Component
public class RateLimits implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

	private static final int PURGE_BATCH = 1000;

	private final DataSource connections;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration perClient;

	private final BucketConfiguration perEmail;

	RateLimits(DataSource dataSource, BookingProperties properties) {
		BookingProperties.Limits limits = properties.limits();
		Duration window = limits.window();
		this.connections = relaxed(dataSource);
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(connections)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("booking.rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.perClient = configuration(limits.perClient(), window);
		this.perEmail = configuration(limits.perEmail(), window);
	}

	/**
	 * A small pool on the same database whose commits do not wait for the disk; the
	 * application's own pool where it is not Hikari's.
	 */
	private static DataSource relaxed(DataSource main) {
		try {
			if (!main.isWrapperFor(HikariDataSource.class)) {
				return main;
			}
			HikariConfig config = new HikariConfig();
			main.unwrap(HikariDataSource.class).copyStateTo(config);
			config.setPoolName("rate-limits");
			config.setMaximumPoolSize(4);
			config.setMinimumIdle(1);
			config.setConnectionInitSql("SET synchronous_commit = off; SET plan_cache_mode = force_custom_plan");
			return new HikariDataSource(config);
		}
		catch (SQLException ex) {
			LOG.warn("Rate limits use the application's connection pool: {}", ex.getMessage());
			return main;
		}
	}

	/** The connections the buckets use. */
	DataSource connections() {
		return connections;
	}

	@Override
	public void destroy() {
		if (connections instanceof HikariDataSource own) {
			own.close();
		}
	}

	private static BucketConfiguration configuration(int requests, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window))
			.build();
	}

	/** Removes the buckets that have filled up again, a batch at a time. */
	public void purge() {
		while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
			// the next batch
		}
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
