package de.buergerservice.interpreting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of interpreting: interpreters, their languages and hours, the procedures
 * that may have an interpreter, assignments and minutes.
 */
@Repository
public class InterpreterStore {

	private final JdbcClient jdbc;

	InterpreterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM interpreting.interpreter)").query(Boolean.class).single();
	}

	void saveInterpreter(Interpreter interpreter) {
		jdbc.sql("INSERT INTO interpreting.interpreter (id, name, email, service) VALUES (?, ?, ?, ?)")
			.params(interpreter.id(), interpreter.name(), interpreter.email(), interpreter.service())
			.update();
		for (String language : interpreter.languages()) {
			jdbc.sql("INSERT INTO interpreting.interpreter_language (interpreter_id, language) VALUES (?, ?)")
				.params(interpreter.id(), language)
				.update();
		}
		interpreter.hours()
			.forEach((day, ranges) -> ranges.forEach(range -> jdbc
				.sql("""
						INSERT INTO interpreting.interpreter_hours (interpreter_id, weekday, opens, closes) VALUES (?, ?, ?, ?)""")
				.params(interpreter.id(), day.getValue(), range.opens(), range.closes())
				.update()));
	}

	void saveCapable(ProcedureId procedure) {
		jdbc.sql("INSERT INTO interpreting.capable_procedure (procedure_id) VALUES (?) ON CONFLICT DO NOTHING")
			.param(procedure.value())
			.update();
	}

	Set<ProcedureId> capable() {
		return jdbc.sql("SELECT procedure_id FROM interpreting.capable_procedure")
			.query((rs, row) -> ProcedureId.of(rs.getString(1)))
			.set();
	}

	/** The languages some active interpreter speaks. */
	Set<String> spoken() {
		return jdbc.sql("""
				SELECT DISTINCT l.language FROM interpreting.interpreter_language l
				JOIN interpreting.interpreter i ON i.id = l.interpreter_id WHERE i.active""").query(String.class).set();
	}

	/** The active interpreters of a language with their hours. */
	List<Interpreter> speakers(String language) {
		Map<String, Interpreter> found = new HashMap<>();
		jdbc.sql("""
				SELECT i.id, i.name, i.email, i.service, h.weekday, h.opens, h.closes
				FROM interpreting.interpreter i
				JOIN interpreting.interpreter_language l ON l.interpreter_id = i.id AND l.language = ?
				LEFT JOIN interpreting.interpreter_hours h ON h.interpreter_id = i.id
				WHERE i.active ORDER BY i.id""").param(language).query(rs -> {
			String id = rs.getString("id");
			Interpreter interpreter = found.get(id);
			if (interpreter == null) {
				interpreter = new Interpreter(id, rs.getString("name"), rs.getString("email"), rs.getString("service"),
						List.of(language), new HashMap<>());
				found.put(id, interpreter);
			}
			if (rs.getObject("weekday") != null) {
				interpreter.hours()
					.computeIfAbsent(DayOfWeek.of(rs.getInt("weekday")), day -> new ArrayList<>())
					.add(new Hours(rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)));
			}
		});
		return found.values().stream().sorted(Comparator.comparing(Interpreter::id)).toList();
	}

	/** The active assignments of some interpreters overlapping an interval. */
	List<Busy> busy(Collection<String> interpreters, Instant from, Instant to) {
		if (interpreters.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT interpreter_id, start_at, end_at FROM interpreting.assignment
				WHERE active AND interpreter_id = ANY (?) AND start_at < ? AND end_at > ?""")
			.params(interpreters.toArray(String[]::new), Timestamp.from(to), Timestamp.from(from))
			.query((rs, row) -> new Busy(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Locks an interpreter for the rest of the transaction (every booking locks in the
	 * order of the interpreters' ids, after its counter seats).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void lock(String interpreter) {
		jdbc.sql("SELECT id FROM interpreting.interpreter WHERE id = ? FOR UPDATE")
			.param(interpreter)
			.query()
			.listOfRows();
	}

	/**
	 * Whether the interpreter has no other active assignment overlapping the interval (a
	 * statement of its own, so it sees every commit before the lock was granted).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean isFree(String interpreter, AppointmentReference except, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM interpreting.assignment
				  WHERE active AND interpreter_id = ? AND appointment_reference <> ?
				    AND tstzrange(start_at, end_at) && tstzrange(?, ?))""")
			.params(interpreter, except.value(), Timestamp.from(start), Timestamp.from(end))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Takes the interpreter for the appointment, or moves its assignment there (keeping
	 * the video session).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void assign(AppointmentReference reference, LocationId location, String interpreter, String language, Instant start,
			Instant end, String sessionToken, Instant now) {
		jdbc.sql("""
				INSERT INTO interpreting.assignment (appointment_reference, interpreter_id, language, start_at, end_at,
				  location_id, session_token, active, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)
				ON CONFLICT (appointment_reference) DO UPDATE SET interpreter_id = EXCLUDED.interpreter_id,
				  language = EXCLUDED.language, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
				  location_id = EXCLUDED.location_id, active = TRUE, updated_at = EXCLUDED.updated_at""")
			.params(reference.value(), interpreter, language, Timestamp.from(start), Timestamp.from(end),
					location.value(), sessionToken, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void release(AppointmentReference reference, Instant now) {
		jdbc.sql("""
				UPDATE interpreting.assignment SET active = FALSE, updated_at = ?
				WHERE appointment_reference = ? AND active""").params(Timestamp.from(now), reference.value()).update();
	}

	Optional<Row> assignment(AppointmentReference reference) {
		return jdbc.sql(SELECT_ROWS + " WHERE a.appointment_reference = ?")
			.param(reference.value())
			.query(InterpreterStore::row)
			.optional();
	}

	/**
	 * The active assignments at a location (all, without one) starting in an interval.
	 */
	List<Row> assignments(@Nullable LocationId location, Instant from, Instant to) {
		return jdbc.sql(SELECT_ROWS + " WHERE a.active AND a.start_at >= ? AND a.start_at < ?"
				+ " AND (CAST(? AS TEXT) IS NULL OR a.location_id = ?) ORDER BY a.start_at, a.appointment_reference")
			.params(Timestamp.from(from), Timestamp.from(to), location == null ? null : location.value(),
					location == null ? null : location.value())
			.query(InterpreterStore::row)
			.list();
	}

	/** Records (or corrects) the minutes of a consultation. */
	void recordMinutes(Row assignment, LocalDate heldOn, int minutes, String recordedBy, Instant now) {
		jdbc.sql("""
				INSERT INTO interpreting.session_minutes (appointment_reference, interpreter_id, language, location_id,
				  held_on, minutes, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (appointment_reference) DO UPDATE SET minutes = EXCLUDED.minutes,
				  recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
			.params(assignment.reference().value(), assignment.interpreterId(), assignment.language(),
					assignment.location().value(), heldOn, minutes, recordedBy, Timestamp.from(now))
			.update();
	}

	/** The minutes recorded for some appointments, by reference. */
	Map<String, Integer> minutes(Collection<AppointmentReference> references) {
		if (references.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				SELECT appointment_reference, minutes FROM interpreting.session_minutes
				WHERE appointment_reference = ANY (?)""")
			.param(references.stream().map(AppointmentReference::value).toArray(String[]::new))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Contacts and minutes per interpreter and language of the consultations held in a
	 * date range.
	 */
	List<Usage> usage(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT m.interpreter_id, i.name, i.service, m.language, count(*) AS contacts, sum(m.minutes) AS minutes
				FROM interpreting.session_minutes m JOIN interpreting.interpreter i ON i.id = m.interpreter_id
				WHERE m.held_on >= ? AND m.held_on <= ?
				GROUP BY m.interpreter_id, i.name, i.service, m.language ORDER BY i.name, m.language""")
			.params(from, to)
			.query((rs, row) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6)))
			.list();
	}

	private static final String SELECT_ROWS = """
			SELECT a.appointment_reference, a.location_id, a.interpreter_id, i.name, i.email, a.language, a.start_at,
			  a.end_at, a.session_token, a.active
			FROM interpreting.assignment a JOIN interpreting.interpreter i ON i.id = a.interpreter_id""";

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(AppointmentReference.of(rs.getString(1)), LocationId.of(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getBoolean(10));
	}

	/** An interpreter with their languages and weekly hours. */
	record Interpreter(String id, String name, String email, String service, List<String> languages,
			Map<DayOfWeek, List<Hours>> hours) {

		/** Whether the interpreter works for the whole of a day's interval. */
		boolean works(DayOfWeek day, LocalTime from, LocalTime to) {
			return hours.getOrDefault(day, List.of())
				.stream()
				.anyMatch(range -> !range.opens().isAfter(from) && !range.closes().isBefore(to));
		}

	}

	/** Working hours of one day. */
	record Hours(LocalTime opens, LocalTime closes) {
	}

	/** When an interpreter is taken. */
	record Busy(String interpreter, Instant start, Instant end) {
	}

	/** An assignment as stored. */
	record Row(AppointmentReference reference, LocationId location, String interpreterId, String interpreterName,
			String interpreterEmail, String language, Instant start, Instant end, String sessionToken, boolean active) {
	}

	/** One line of the cost report. */
	record Usage(String interpreterId, String interpreterName, String service, String language, int contacts,
			int minutes) {
	}

}
