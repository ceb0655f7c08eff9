package de.buergerservice.booking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency keys of the API: a retried request with the same key and body gets the
 * first answer; the same key with another body is refused; while the first is still being
 * answered, a retry is told so. Keys are kept for a day.
 */
@Repository
public class IdempotencyStore {

	static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What to do with a request carrying an idempotency key. */
	public sealed interface Claim {

		/** The first request with this key: answer it, then {@link #complete}. */
		record First() implements Claim {
		}

		/** A retry: give the stored answer. */
		record Replay(int status, String body) implements Claim {
		}

		/** The key was used for another request. */
		record Mismatch() implements Claim {
		}

		/** The first request with this key is still being answered. */
		record InProgress() implements Claim {
		}

	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Claim claim(String key, byte[] requestHash) {
		int inserted = jdbc.sql("""
				INSERT INTO booking.idempotency (idempotency_key, request_hash, created_at) VALUES (?, ?, ?)
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.params(key, requestHash, Timestamp.from(clock.instant()))
			.update();
		if (inserted == 1) {
			return new Claim.First();
		}
		Optional<Stored> stored = jdbc
			.sql("SELECT request_hash, status, response FROM booking.idempotency WHERE idempotency_key = ?")
			.param(key)
			.query((rs, row) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3)))
			.optional();
		if (stored.isEmpty()) {
			return claim(key, requestHash);
		}
		if (!Arrays.equals(stored.get().requestHash(), requestHash)) {
			return new Claim.Mismatch();
		}
		if (stored.get().status() == null) {
			return new Claim.InProgress();
		}
		return new Claim.Replay(stored.get().status(), stored.get().response());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void complete(String key, int status, String body) {
		jdbc.sql("UPDATE booking.idempotency SET status = ?, response = ? WHERE idempotency_key = ?")
			.params(status, body, key)
			.update();
	}

	/** Lets a key be used again, after the first request failed on our side. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void forget(String key) {
		jdbc.sql("DELETE FROM booking.idempotency WHERE idempotency_key = ?").param(key).update();
	}

	@Transactional
	public void purge() {
		jdbc.sql("DELETE FROM booking.idempotency WHERE created_at < ?")
			.param(Timestamp.from(clock.instant().minus(KEPT)))
			.update();
	}

	private record Stored(byte[] requestHash, @Nullable Integer status, @Nullable String response) {
	}

}
