package de.buergerservice.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import de.buergerservice.staff.PersonalDataHandled;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The audit log: every {@link PersonalDataHandled} that any module publishes, recorded
 * through the outbox, so that an entry is written even if the application stops right
 * after the action.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PersonalDataHandled event) {
		jdbc.sql(
				"INSERT INTO staff.audit_entry (at, actor, action, subject, location_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
			.params(Timestamp.from(event.at()), event.actor(), event.action(), event.subject(),
					event.location() == null ? null : event.location().value(), event.detail())
			.update();
	}

	/** The newest entries, for a location (or all), optionally about one subject. */
	public List<Entry> entries(@Nullable LocationId location, @Nullable String subject, int limit) {
		return jdbc.sql("""
				SELECT at, actor, action, subject, location_id, detail FROM staff.audit_entry
				WHERE (CAST(? AS TEXT) IS NULL OR location_id = ?) AND (CAST(? AS TEXT) IS NULL OR subject = ?)
				ORDER BY at DESC, id DESC LIMIT ?""")
			.params(location == null ? null : location.value(), location == null ? null : location.value(), subject,
					subject, limit)
			.query((rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** One recorded action. */
	public record Entry(Instant at, String actor, String action, String subject, @Nullable String location,
			@Nullable String detail) {
	}

}
