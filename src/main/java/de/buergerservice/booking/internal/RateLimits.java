package de.buergerservice.booking.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.Email;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
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
 * <p>
 * A request is counted in one transaction under a transaction-level advisory lock on the
 * bucket's key (its row read, then written), or two for a bucket not yet stored: Bucket4j
 * asks for it before it sends the configuration to create it. With row locks a new bucket
 * took three, the first only to insert a row to lock, and in a rush nearly every e-mail
 * address is new. The lock's number is a 64-bit digest of the key, so that it meets
 * neither another bucket's lock nor the booking's per-address lock ({@code hashtext}, 32
 * bits) but by a vanishing chance, and then only waits. Each row keeps its number, for
 * the purge to take the same lock.
 */
@Component
public class RateLimits implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

	private static final int PURGE_BATCH = 1000;

	private final DataSource connections;

	private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;

	private final BucketConfiguration perClient;

	private final BucketConfiguration perEmail;

	RateLimits(DataSource dataSource, BookingProperties properties) {
		BookingProperties.Limits limits = properties.limits();
		Duration window = limits.window();
		this.connections = relaxed(dataSource);
		this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(connections)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.lockIdSupplier(RateLimits::lockId)
			.table("booking.rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.lockColumn("lock_id")
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

	/** The advisory lock's number of a bucket: 64 bits of the key's MD5 digest. */
	static long lockId(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
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
