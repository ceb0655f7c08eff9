package de.buergerservice.evidence.faults;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database of the instances under test says: the arbiter's ledger, the
 * appointments behind the references clients were given, the outbox. Read over fresh
 * connections, so that it works across restarts of the server.
 */
final class Records {

	private final JdbcClient jdbc;

	Records(TestDatabases.Database database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.url());
		dataSource.setUser(database.user());
		dataSource.setPassword(database.password());
		this.jdbc = JdbcClient.create(dataSource);
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * Units booked beyond capacity (or below zero) or out of step with the appointments.
	 */
	List<String> violations() {
		List<String> violations = new java.util.ArrayList<>(new CapacityLedger(jdbc).violations());
		violations.addAll(jdbc.sql("""
				SELECT pool_id || ' ' || channel || ' ' || slot_start || ': booked ' || booked || ' of ' || capacity
				FROM booking.capacity WHERE booked < 0 OR capacity < 0""").query(String.class).list());
		return violations;
	}

	long bookedSeats() {
		return new CapacityLedger(jdbc).bookedSeats();
	}

	/** Reference → status of the appointments with these references (missing: lost). */
	Map<String, String> statuses(Collection<String> references) {
		Map<String, String> statuses = new HashMap<>();
		jdbc.sql("SELECT reference, status FROM booking.appointment WHERE reference = ANY (?)")
			.param(references.toArray(String[]::new))
			.query((rs, row) -> statuses.put(rs.getString(1), rs.getString(2)))
			.list();
		return statuses;
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long appointments(String status) {
		return jdbc.sql("SELECT count(*) FROM booking.appointment WHERE status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

	/** Status → count of the event publications not yet completed. */
	Map<String, Long> incompleteByStatus() {
		Map<String, Long> byStatus = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT coalesce(status, '(none)'), count(*) FROM event_publication WHERE completion_date IS NULL
				GROUP BY 1""").query((rs, row) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
		return byStatus;
	}

	/** Event publications not yet completed (the outbox's backlog). */
	long incompletePublications() {
		return count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
	}

}
