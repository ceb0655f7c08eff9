package de.buergerservice.frontdesk.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.buergerservice.frontdesk.Call;
import de.buergerservice.frontdesk.Ticket;
import de.buergerservice.frontdesk.TicketKind;
import de.buergerservice.frontdesk.TicketStatus;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets, the day's numbering, walk-in quotas and counter sessions in schema
 * {@code frontdesk}. Every change of a ticket is a conditional update: of two counters
 * acting on the same ticket at the same moment, one changes it and the other sees nothing
 * changed.
 */
@Repository
public class TicketStore {

	private static final String COLUMNS = """
			id, location_id, day, number, kind, appointment_reference, procedures, citizen_name, due_at, arrived_at,
			status, counter_id, counter_name, passed_to, call_count, called_at, serving_since, finished_at""";

	private final JdbcClient jdbc;

	TicketStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next running number of the day for a kind of ticket. */
	int nextNumber(LocationId location, LocalDate day, TicketKind kind) {
		return jdbc.sql("""
				INSERT INTO frontdesk.day_sequence (location_id, day, kind, last) VALUES (?, ?, ?, 1)
				ON CONFLICT (location_id, day, kind) DO UPDATE SET last = frontdesk.day_sequence.last + 1
				RETURNING last""").params(location.value(), day, kind.name()).query(Integer.class).single();
	}

	/** Takes one walk-in ticket of the day's quota; false when none is left. */
	boolean takeWalkIn(LocationId location, LocalDate day, int quota) {
		return jdbc.sql("""
				INSERT INTO frontdesk.walk_in_day (location_id, day, issued, quota) VALUES (?, ?, 1, ?)
				ON CONFLICT (location_id, day) DO UPDATE SET issued = frontdesk.walk_in_day.issued + 1
				  WHERE frontdesk.walk_in_day.issued < frontdesk.walk_in_day.quota
				RETURNING issued""").params(location.value(), day, quota).query(Integer.class).optional().isPresent();
	}

	int walkInsLeft(LocationId location, LocalDate day, int quota) {
		return jdbc.sql("SELECT quota - issued FROM frontdesk.walk_in_day WHERE location_id = ? AND day = ?")
			.params(location.value(), day)
			.query(Integer.class)
			.optional()
			.orElse(quota);
	}

	void insert(Ticket ticket, byte[] tokenHash) {
		jdbc.sql("""
				INSERT INTO frontdesk.ticket (id, location_id, day, number, kind, appointment_reference, procedures,
				  citizen_name, due_at, arrived_at, status, token_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticket.id(), ticket.location().value(), ticket.day(), ticket.number(), ticket.kind().name(),
					ticket.appointmentReference(), ids(ticket.procedures()), ticket.citizenName(),
					timestamp(ticket.dueAt()), Timestamp.from(ticket.arrivedAt()), ticket.status().name(), tokenHash)
			.update();
	}

	Optional<Ticket> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM frontdesk.ticket WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<Ticket> findWithToken(UUID id, byte[] tokenHash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM frontdesk.ticket WHERE id = ? AND token_hash = ?")
			.params(id, tokenHash)
			.query(this::map)
			.optional();
	}

	boolean checkedIn(String reference) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM frontdesk.ticket WHERE appointment_reference = ?)")
			.param(reference)
			.query(Boolean.class)
			.single();
	}

	List<Ticket> day(LocationId location, LocalDate day) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM frontdesk.ticket WHERE location_id = ? AND day = ? ORDER BY arrived_at")
			.params(location.value(), day)
			.query(this::map)
			.list();
	}

	List<QueueOrder.Waiting> waiting(LocationId location, LocalDate day) {
		return jdbc.sql("""
				SELECT id, kind, procedures, due_at, arrived_at, passed_to FROM frontdesk.ticket
				WHERE location_id = ? AND day = ? AND status = 'WAITING'
				ORDER BY arrived_at, number""")
			.params(location.value(), day)
			.query((rs, row) -> new QueueOrder.Waiting(rs.getObject(1, UUID.class), TicketKind.valueOf(rs.getString(2)),
					procedureSet(rs.getArray(3)), instant(rs, "due_at"), rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
	}

	/** The ticket a counter is calling or serving. */
	Optional<Ticket> current(String counter) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM frontdesk.ticket WHERE counter_id = ? AND status IN ('CALLED', 'SERVING')"
					+ " ORDER BY called_at DESC LIMIT 1")
			.param(counter)
			.query(this::map)
			.optional();
	}

	List<Ticket> parked(String counter) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM frontdesk.ticket WHERE counter_id = ? AND status = 'PARKED' ORDER BY arrived_at")
			.param(counter)
			.query(this::map)
			.list();
	}

	boolean call(UUID id, String counter, String counterName, Instant now) {
		return jdbc.sql("""
				UPDATE frontdesk.ticket SET status = 'CALLED', counter_id = ?, counter_name = ?, passed_to = NULL,
				  call_count = call_count + 1, called_at = ?
				WHERE id = ? AND status = 'WAITING'""")
			.params(counter, counterName, Timestamp.from(now), id)
			.update() == 1;
	}

	boolean recall(UUID id, String counter, Instant now) {
		return jdbc.sql("""
				UPDATE frontdesk.ticket SET call_count = call_count + 1, called_at = ?
				WHERE id = ? AND status = 'CALLED' AND counter_id = ?""")
			.params(Timestamp.from(now), id, counter)
			.update() == 1;
	}

	boolean transition(UUID id, String counter, TicketStatus from, TicketStatus to) {
		return jdbc.sql("UPDATE frontdesk.ticket SET status = ? WHERE id = ? AND counter_id = ? AND status = ?")
			.params(to.name(), id, counter, from.name())
			.update() == 1;
	}

	boolean startServing(UUID id, String counter, String username, Instant now) {
		return jdbc
			.sql("""
					UPDATE frontdesk.ticket SET status = 'SERVING', serving_since = coalesce(serving_since, ?), served_by = ?
					WHERE id = ? AND counter_id = ? AND status IN ('CALLED', 'PARKED')""")
			.params(Timestamp.from(now), username, id, counter)
			.update() == 1;
	}

	boolean pass(UUID id, String counter, String target) {
		return jdbc.sql("""
				UPDATE frontdesk.ticket SET status = 'WAITING', passed_to = ?
				WHERE id = ? AND counter_id = ? AND status IN ('CALLED', 'SERVING')""")
			.params(target, id, counter)
			.update() == 1;
	}

	boolean finish(UUID id, String counter, List<ProcedureId> done, String username, Instant now) {
		return jdbc.sql("""
				UPDATE frontdesk.ticket SET status = 'DONE', finished_at = ?, handled_procedures = ?, served_by = ?
				WHERE id = ? AND counter_id = ? AND status = 'SERVING'""")
			.params(Timestamp.from(now), ids(done), username, id, counter)
			.update() == 1;
	}

	/** The latest calls at a location today, newest first. */
	List<Call> calls(LocationId location, LocalDate day, int limit) {
		return jdbc.sql("""
				SELECT number, counter_name, called_at FROM frontdesk.ticket
				WHERE location_id = ? AND day = ? AND called_at IS NOT NULL AND counter_name IS NOT NULL
				ORDER BY called_at DESC LIMIT ?""")
			.params(location.value(), day, limit)
			.query((rs, row) -> new Call(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** The mean handling time of the day's last served tickets, if there are any. */
	Optional<Duration> meanHandlingTime(LocationId location, LocalDate day, int last) {
		Double seconds = jdbc.sql("""
				SELECT avg(EXTRACT(EPOCH FROM finished_at - serving_since)) FROM (
				  SELECT finished_at, serving_since FROM frontdesk.ticket
				  WHERE location_id = ? AND day = ? AND status = 'DONE' AND serving_since IS NOT NULL
				  ORDER BY finished_at DESC LIMIT ?) recent""")
			.params(location.value(), day, last)
			.query(Double.class)
			.optional()
			.orElse(null);
		return seconds == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round(seconds)));
	}

	/**
	 * Sits a member at a counter and takes them off any other: only a free counter, one
	 * whose session is older than {@code dayStart} (left over), or, with
	 * {@code takeOver}, anyone's.
	 * @return whether the member now sits there
	 */
	boolean signIn(String counter, LocationId location, String username, Instant now, Instant dayStart,
			boolean takeOver) {
		boolean seated = jdbc
			.sql("""
					INSERT INTO frontdesk.counter_session AS s (counter_id, location_id, username, since) VALUES (?, ?, ?, ?)
					ON CONFLICT (counter_id) DO UPDATE SET username = EXCLUDED.username, since = EXCLUDED.since
					WHERE s.username = EXCLUDED.username OR s.since < ? OR ?""")
			.params(counter, location.value(), username, Timestamp.from(now), Timestamp.from(dayStart), takeOver)
			.update() == 1;
		if (seated) {
			jdbc.sql("DELETE FROM frontdesk.counter_session WHERE username = ? AND counter_id <> ?")
				.params(username, counter)
				.update();
		}
		return seated;
	}

	void signOut(String counter, String username) {
		jdbc.sql("DELETE FROM frontdesk.counter_session WHERE counter_id = ? AND username = ?")
			.params(counter, username)
			.update();
	}

	/** Who sits at the counter today (sessions before {@code dayStart} are left over). */
	Optional<String> sittingAt(String counter, Instant dayStart) {
		return jdbc.sql("SELECT username FROM frontdesk.counter_session WHERE counter_id = ? AND since >= ?")
			.params(counter, Timestamp.from(dayStart))
			.query(String.class)
			.optional();
	}

	int openCounters(LocationId location, Instant dayStart) {
		return jdbc.sql("SELECT count(*) FROM frontdesk.counter_session WHERE location_id = ? AND since >= ?")
			.params(location.value(), Timestamp.from(dayStart))
			.query(Integer.class)
			.single();
	}

	/** Sends a call to the displays of every instance, with the transaction. */
	void announce(LocationId location, Call call) {
		jdbc.sql("SELECT pg_notify('frontdesk_calls', ?)")
			.param(location.value() + "|" + call.number() + "|" + call.at().toEpochMilli() + "|" + call.counter())
			.query()
			.singleRow();
	}

	private Ticket map(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getObject("id", UUID.class), LocationId.of(rs.getString("location_id")),
				rs.getObject("day", LocalDate.class), rs.getString("number"), TicketKind.valueOf(rs.getString("kind")),
				rs.getString("appointment_reference"), procedures(rs.getArray("procedures")),
				rs.getString("citizen_name"), instant(rs, "due_at"), rs.getTimestamp("arrived_at").toInstant(),
				TicketStatus.valueOf(rs.getString("status")), rs.getString("counter_id"), rs.getString("counter_name"),
				rs.getString("passed_to"), rs.getInt("call_count"), instant(rs, "called_at"),
				instant(rs, "serving_since"), instant(rs, "finished_at"));
	}

	private static List<ProcedureId> procedures(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(ProcedureId::of).toList();
	}

	private static Set<ProcedureId> procedureSet(Array array) throws SQLException {
		return procedures(array).stream().collect(Collectors.toUnmodifiableSet());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static String[] ids(List<ProcedureId> procedures) {
		return procedures.stream().map(ProcedureId::value).toArray(String[]::new);
	}

}
