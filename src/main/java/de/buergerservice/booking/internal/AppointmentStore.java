package de.buergerservice.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.PoolId;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments in {@code booking.appointment} with their procedures and the hashes of
 * their tokens. Every state change is a conditional update on the locked row, so that
 * competing transitions (a confirmation and the hold's expiry, two cancellations) have
 * exactly one winner.
 */
@Repository
public class AppointmentStore {

	private final JdbcClient jdbc;

	AppointmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An appointment with the row data the service needs besides what citizens see. */
	public record Stored(UUID id, Appointment appointment, PoolId pool, int units, @Nullable Instant reminderDueAt) {
	}

	/** A token's purpose. */
	public enum Purpose {

		MANAGE, CONFIRM

	}

	/**
	 * Records a new appointment.
	 * @return false, changing nothing, if its reference is already taken (drawn twice)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean insert(Stored stored, Instant now) {
		Appointment appointment = stored.appointment();
		Citizen citizen = appointment.citizen();
		List<VisitItem> items = appointment.items();
		if (items.isEmpty()) {
			// the statement's count below is that of the procedures
			throw new IllegalArgumentException("An appointment has at least one procedure");
		}
		// the appointment and its procedures in one statement (one round trip fewer per
		// booking); none of them where the reference is taken
		return jdbc
			.sql("""
					WITH appointment AS (
					  INSERT INTO booking.appointment (id, reference, status, channel, location_id, pool_id, start_at, end_at,
					    units, citizen_name, citizen_email, citizen_phone, language, hold_expires_at, reminder_due_at,
					    created_at, updated_at, interpreter_language)
					  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					  ON CONFLICT (reference) DO NOTHING
					  RETURNING id)
					INSERT INTO booking.appointment_procedure (appointment_id, procedure_id, quantity, position)
					SELECT appointment.id, item.procedure_id, item.quantity, item.position - 1
					FROM appointment, unnest(?::text[], ?::int[]) WITH ORDINALITY AS item(procedure_id, quantity, position)""")
			.params(stored.id(), appointment.reference().value(), appointment.status().name(),
					appointment.channel().name(), appointment.location().value(), stored.pool().value(),
					Timestamp.from(appointment.start()), Timestamp.from(appointment.end()), stored.units(),
					citizen.name(), citizen.email() == null ? null : citizen.email().value(), citizen.phone(),
					citizen.language().getLanguage(), timestamp(appointment.holdExpiresAt()),
					timestamp(stored.reminderDueAt()), Timestamp.from(now), Timestamp.from(now),
					appointment.interpreterLanguage(),
					items.stream().map(item -> item.procedure().value()).toArray(String[]::new),
					items.stream().map(VisitItem::quantity).toArray(Integer[]::new))
			.update() > 0;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void addToken(UUID appointment, AccessToken token, Purpose purpose, Instant now) {
		addTokens(appointment, Map.of(purpose, token), now);
	}

	/** Adds an appointment's tokens, each for its purpose, in one statement. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addTokens(UUID appointment, Map<Purpose, AccessToken> tokens, Instant now) {
		List<Object> params = new ArrayList<>();
		tokens.forEach((purpose, token) -> params
			.addAll(List.of(token.hash(), appointment, purpose.name(), Timestamp.from(now))));
		jdbc.sql("INSERT INTO booking.appointment_token (token_hash, appointment_id, purpose, created_at) VALUES "
				+ String.join(", ", Collections.nCopies(tokens.size(), "(?, ?, ?, ?)")))
			.params(params)
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void removeTokens(UUID appointment, Purpose purpose) {
		jdbc.sql("DELETE FROM booking.appointment_token WHERE appointment_id = ? AND purpose = ?")
			.params(appointment, purpose.name())
			.update();
	}

	/** The appointment with this reference if the token is one of its manage tokens. */
	@Transactional(readOnly = true)
	public Optional<Stored> findManaged(AppointmentReference reference, AccessToken token) {
		return select("""
				WHERE a.reference = ? AND EXISTS (SELECT 1 FROM booking.appointment_token t
				  WHERE t.appointment_id = a.id AND t.token_hash = ? AND t.purpose = 'MANAGE')""", false,
				reference.value(), token.hash());
	}

	/** Like {@link #findManaged}, and locks the row for a change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lockManaged(AppointmentReference reference, AccessToken token) {
		return select("""
				WHERE a.reference = ? AND EXISTS (SELECT 1 FROM booking.appointment_token t
				  WHERE t.appointment_id = a.id AND t.token_hash = ? AND t.purpose = 'MANAGE')""", true,
				reference.value(), token.hash());
	}

	/** The appointment a confirmation token belongs to, locked. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lockByConfirmToken(AccessToken token) {
		return select("""
				WHERE a.id = (SELECT t.appointment_id FROM booking.appointment_token t
				  WHERE t.token_hash = ? AND t.purpose = 'CONFIRM')""", true, (Object) token.hash());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lock(UUID id) {
		return select("WHERE a.id = ?", true, id);
	}

	@Transactional(readOnly = true)
	public Optional<Stored> find(AppointmentReference reference) {
		return select("WHERE a.reference = ?", false, reference.value());
	}

	/** Holds whose time is up, locked, skipping those another instance is expiring. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> expiredHolds(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM booking.appointment
				WHERE status = 'AWAITING_CONFIRMATION' AND hold_expires_at <= ?
				ORDER BY hold_expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Confirmed appointments whose reminder is due, locked, skipping those being
	 * reminded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> dueReminders(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM booking.appointment
				WHERE status = 'CONFIRMED' AND reminded_at IS NULL AND reminder_due_at <= ? AND start_at > ?
				ORDER BY reminder_due_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void markReminded(UUID id, Instant now) {
		jdbc.sql("UPDATE booking.appointment SET reminded_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Moves an appointment from one state to another; false if it was not in
	 * {@code from}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean transition(UUID id, AppointmentStatus from, AppointmentStatus to, Instant now) {
		return jdbc.sql("""
				UPDATE booking.appointment SET status = ?, hold_expires_at = NULL, updated_at = ?
				WHERE id = ? AND status = ?""").params(to.name(), Timestamp.from(now), id, from.name()).update() == 1;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void move(UUID id, LocationId location, PoolId pool, Instant start, Instant end, int units,
			@Nullable Instant reminderDueAt, Instant now) {
		jdbc.sql("""
				UPDATE booking.appointment SET location_id = ?, pool_id = ?, start_at = ?, end_at = ?, units = ?,
				  reminder_due_at = ?, reminded_at = NULL, updated_at = ?
				WHERE id = ?""")
			.params(location.value(), pool.value(), Timestamp.from(start), Timestamp.from(end), units,
					timestamp(reminderDueAt), Timestamp.from(now), id)
			.update();
	}

	/** Appointments of an e-mail address that still hold capacity and have not begun. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int activeUpcoming(Email email, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FROM booking.appointment
				WHERE lower(citizen_email) = ? AND status IN ('AWAITING_CONFIRMATION', 'CONFIRMED') AND start_at > ?""")
			.params(email.normalized(), Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	private Optional<Stored> select(String where, boolean lock, Object... params) {
		List<Stored> rows = jdbc.sql("SELECT a.* FROM booking.appointment a " + where + (lock ? " FOR UPDATE" : ""))
			.params(params)
			.query((rs, row) -> map(rs))
			.list();
		return rows.stream().findFirst().map(this::withItems);
	}

	private Stored withItems(Stored stored) {
		List<VisitItem> items = jdbc.sql(
				"SELECT procedure_id, quantity FROM booking.appointment_procedure WHERE appointment_id = ? ORDER BY position")
			.param(stored.id())
			.query((rs, row) -> new VisitItem(ProcedureId.of(rs.getString(1)), rs.getInt(2)))
			.list();
		Appointment a = stored.appointment();
		return new Stored(stored.id(),
				new Appointment(a.reference(), a.status(), a.location(), a.start(), a.end(), items, a.citizen(),
						a.channel(), a.holdExpiresAt(), a.interpreterLanguage()),
				stored.pool(), stored.units(), stored.reminderDueAt());
	}

	private static Stored map(ResultSet rs) throws SQLException {
		String email = rs.getString("citizen_email");
		Citizen citizen = new Citizen(rs.getString("citizen_name"), email == null ? null : Email.of(email),
				rs.getString("citizen_phone"), Locale.forLanguageTag(rs.getString("language")));
		Timestamp hold = rs.getTimestamp("hold_expires_at");
		Timestamp reminder = rs.getTimestamp("reminder_due_at");
		Appointment appointment = new Appointment(AppointmentReference.of(rs.getString("reference")),
				AppointmentStatus.valueOf(rs.getString("status")), LocationId.of(rs.getString("location_id")),
				rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(), new ArrayList<>(),
				citizen, Channel.valueOf(rs.getString("channel")), hold == null ? null : hold.toInstant(),
				rs.getString("interpreter_language"));
		return new Stored(rs.getObject("id", UUID.class), appointment, new PoolId(rs.getString("pool_id")),
				rs.getInt("units"), reminder == null ? null : reminder.toInstant());
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
