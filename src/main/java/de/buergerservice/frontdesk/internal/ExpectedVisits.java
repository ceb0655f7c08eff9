package de.buergerservice.frontdesk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentCancelled;
import de.buergerservice.booking.AppointmentConfirmed;
import de.buergerservice.booking.AppointmentDetails;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The front desk's own picture of the appointments booking announced: who is expected
 * where and when. Kept current by booking's events through the outbox; the front desk
 * reads no other module's tables.
 */
@Component
public class ExpectedVisits {

	private final JdbcClient jdbc;

	ExpectedVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An appointment as the front desk knows it. */
	public record Visit(String reference, LocationId location, Instant start, Instant end, List<VisitItem> items,
			String citizenName, String status) {
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		save(event.appointment(), event.status() == AppointmentStatus.CONFIRMED ? "CONFIRMED" : "HELD");
	}

	@ApplicationModuleListener
	void on(AppointmentConfirmed event) {
		save(event.appointment(), "CONFIRMED");
	}

	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		save(event.appointment(), "CONFIRMED");
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		save(event.appointment(), "CANCELLED");
	}

	private void save(AppointmentDetails appointment, String status) {
		jdbc.sql("""
				INSERT INTO frontdesk.expected_visit (reference, location_id, start_at, end_at, procedures, quantities,
				  citizen_name, status, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
				ON CONFLICT (reference) DO UPDATE SET location_id = EXCLUDED.location_id, start_at = EXCLUDED.start_at,
				  end_at = EXCLUDED.end_at, status = EXCLUDED.status, updated_at = now()
				  WHERE frontdesk.expected_visit.status <> 'CANCELLED' OR EXCLUDED.status = 'CANCELLED'""")
			.params(appointment.reference().value(), appointment.location().value(),
					Timestamp.from(appointment.start()), Timestamp.from(appointment.end()),
					appointment.items().stream().map(item -> item.procedure().value()).toArray(String[]::new),
					appointment.items().stream().map(VisitItem::quantity).toArray(Integer[]::new),
					appointment.citizen().name(), status)
			.update();
	}

	public Optional<Visit> find(String reference) {
		return jdbc.sql("SELECT * FROM frontdesk.expected_visit WHERE reference = ?")
			.param(reference)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** The active appointments of a location between two instants, by time. */
	public List<Visit> between(LocationId location, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT * FROM frontdesk.expected_visit
				WHERE location_id = ? AND start_at >= ? AND start_at < ? AND status <> 'CANCELLED' ORDER BY start_at""")
			.params(location.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> map(rs))
			.list();
	}

	private static Visit map(java.sql.ResultSet rs) throws java.sql.SQLException {
		String[] procedures = (String[]) rs.getArray("procedures").getArray();
		Integer[] quantities = (Integer[]) rs.getArray("quantities").getArray();
		List<VisitItem> items = java.util.stream.IntStream.range(0, procedures.length)
			.mapToObj(i -> new VisitItem(ProcedureId.of(procedures[i]), quantities[i]))
			.toList();
		return new Visit(rs.getString("reference"), LocationId.of(rs.getString("location_id")),
				rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(), items,
				rs.getString("citizen_name"), rs.getString("status"));
	}

}
