package de.buergerservice.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.testsupport.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed event publications leave after the week they are kept; younger ones and every
 * incomplete one stay.
 */
@IntegrationTest
class OutboxCleanupIntegrationTest {

	@Autowired
	OutboxCleanup cleanup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void deletesCompletedPublicationsOlderThanAWeek() {
		Instant now = clock.instant();
		Instant published = now.minus(Duration.ofDays(30));
		UUID old = publication("COMPLETED", published, now.minus(Duration.ofDays(8)));
		UUID recent = publication("COMPLETED", published, now.minus(Duration.ofDays(6)));
		UUID failed = publication("FAILED", published, null);
		UUID waiting = publication("PUBLISHED", published, null);

		cleanup.deleteOldCompleted();

		assertThat(jdbc.sql("SELECT id FROM event_publication WHERE id IN (?, ?, ?, ?)")
			.params(old, recent, failed, waiting)
			.query(UUID.class)
			.list()).containsExactlyInAnyOrderElementsOf(List.of(recent, failed, waiting));
	}

	private UUID publication(String status, Instant published, @Nullable Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				VALUES (?, 'cleanup.test.Listener', 'cleanup.test.Event', ?, ?, ?, ?, 1)""")
			.params(id, "{\"test\":\"" + id + "\"}", Timestamp.from(published),
					completed == null ? null : Timestamp.from(completed), status)
			.update();
		return id;
	}

}
