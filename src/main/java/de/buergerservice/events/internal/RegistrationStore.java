package de.buergerservice.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.events.EventId;
import de.buergerservice.events.Participant;
import de.buergerservice.events.RegistrationReference;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.RegistrationToken;
import de.buergerservice.shared.Email;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations in {@code events.registration} with the hashes of their tokens. Every
 * state change is a conditional update on the locked row, so that competing transitions
 * (a confirmation and the hold's lapse, two cancellations) have exactly one winner.
 */
@Repository
public class RegistrationStore {

	private final JdbcClient jdbc;

	RegistrationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A registration's row. */
	public record Stored(UUID id, RegistrationReference reference, EventId event, int session,
			RegistrationStatus status, Participant participant, @Nullable Instant holdExpiresAt,
			@Nullable Instant confirmedAt, @Nullable Instant movedUpAt, Instant createdAt) {
	}

	/** A token's purpose. */
	public enum Purpose {

		MANAGE, CONFIRM

	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(Stored stored, Instant now) {
		jdbc.sql("""
				INSERT INTO events.registration (id, reference, event_id, session_number, status, name, email,
				  language, hold_expires_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(stored.id(), stored.reference().value(), stored.event().value(), stored.session(),
					stored.status().name(), stored.participant().name(), stored.participant().email().value(),
					stored.participant().language().getLanguage(), timestamp(stored.holdExpiresAt()),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void addToken(UUID registration, RegistrationToken token, Purpose purpose, Instant now) {
		jdbc.sql("""
				INSERT INTO events.registration_token (token_hash, registration_id, purpose, created_at)
				VALUES (?, ?, ?, ?)""")
			.params(token.hash(), registration, purpose.name(), Timestamp.from(now))
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<Stored> findManaged(RegistrationReference reference, RegistrationToken token) {
		return select(MANAGED, false, reference.value(), token.hash());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lockManaged(RegistrationReference reference, RegistrationToken token) {
		return select(MANAGED, true, reference.value(), token.hash());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lockByConfirmToken(RegistrationToken token) {
		return select("""
				WHERE r.id = (SELECT t.registration_id FROM events.registration_token t
				  WHERE t.token_hash = ? AND t.purpose = 'CONFIRM')""", true, (Object) token.hash());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lock(UUID id) {
		return select("WHERE r.id = ?", true, id);
	}

	/**
	 * The first on a session's waiting list, locked, skipping one another transaction
	 * holds.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stored> lockFirstWaiting(EventId event, int session) {
		return select("""
				WHERE r.event_id = ? AND r.session_number = ? AND r.status = 'WAITING_LIST'
				ORDER BY r.seq LIMIT 1""", " FOR UPDATE SKIP LOCKED", event.value(), session);
	}

	/** Where a waiting registration stands in line: 1 = next. */
	public int waitingPosition(UUID id) {
		return jdbc.sql("""
				SELECT count(*) FROM events.registration w, events.registration r
				WHERE r.id = ? AND w.event_id = r.event_id AND w.session_number = r.session_number
				  AND w.status = 'WAITING_LIST' AND w.seq <= r.seq""").param(id).query(Integer.class).single();
	}

	/** Holds whose time is up, locked, skipping those another instance is handling. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> lapsedHolds(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM events.registration
				WHERE status = 'AWAITING_CONFIRMATION' AND hold_expires_at <= ?
				ORDER BY hold_expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Confirmed registrations whose reminder is due, locked, skipping those being
	 * reminded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> dueReminders(Instant now, int limit) {
		return jdbc.sql("""
				SELECT r.id FROM events.registration r
				JOIN events.session s ON s.event_id = r.event_id AND s.number = r.session_number
				WHERE r.status = 'CONFIRMED' AND r.reminded_at IS NULL AND r.reminder_due_at <= ? AND s.start_at > ?
				ORDER BY r.reminder_due_at LIMIT ? FOR UPDATE OF r SKIP LOCKED""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void markReminded(UUID id, Instant now) {
		jdbc.sql("UPDATE events.registration SET reminded_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** Awaiting confirmation → confirmed; false if it was not awaiting confirmation. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean confirm(UUID id, @Nullable Instant reminderDueAt, Instant now) {
		return jdbc.sql("""
				UPDATE events.registration SET status = 'CONFIRMED', hold_expires_at = NULL, reminder_due_at = ?,
				  confirmed_at = ?, updated_at = ?
				WHERE id = ? AND status = 'AWAITING_CONFIRMATION'""")
			.params(timestamp(reminderDueAt), Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/** Waiting list → a seat held until {@code holdExpiresAt}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean moveUp(UUID id, Instant holdExpiresAt, Instant now) {
		return jdbc.sql("""
				UPDATE events.registration SET status = 'AWAITING_CONFIRMATION', hold_expires_at = ?, moved_up_at = ?,
				  updated_at = ?
				WHERE id = ? AND status = 'WAITING_LIST'""")
			.params(Timestamp.from(holdExpiresAt), Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/**
	 * An active registration ends (cancelled or lapsed); false if it was not
	 * {@code from}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean end(UUID id, RegistrationStatus from, RegistrationStatus to, Instant now) {
		return jdbc.sql("""
				UPDATE events.registration SET status = ?, hold_expires_at = NULL, updated_at = ?
				WHERE id = ? AND status = ?""").params(to.name(), Timestamp.from(now), id, from.name()).update() == 1;
	}

	/**
	 * The registrations of an event, for its organiser: by session, in order of arrival.
	 */
	@Transactional(readOnly = true)
	public List<Stored> ofEvent(EventId event) {
		return jdbc.sql("SELECT r.* FROM events.registration r WHERE r.event_id = ? ORDER BY session_number, seq")
			.param(event.value())
			.query((rs, row) -> map(rs))
			.list();
	}

	private static final String MANAGED = """
			WHERE r.reference = ? AND EXISTS (SELECT 1 FROM events.registration_token t
			  WHERE t.registration_id = r.id AND t.token_hash = ? AND t.purpose = 'MANAGE')""";

	private Optional<Stored> select(String where, boolean lock, Object... params) {
		return select(where, lock ? " FOR UPDATE" : "", params);
	}

	private Optional<Stored> select(String where, String lock, Object... params) {
		return jdbc.sql("SELECT r.* FROM events.registration r " + where + lock)
			.params(params)
			.query((rs, row) -> map(rs))
			.optional();
	}

	private static Stored map(ResultSet rs) throws SQLException {
		Participant participant = new Participant(rs.getString("name"), Email.of(rs.getString("email")),
				Locale.forLanguageTag(rs.getString("language")));
		return new Stored(rs.getObject("id", UUID.class), RegistrationReference.of(rs.getString("reference")),
				EventId.of(rs.getString("event_id")), rs.getInt("session_number"),
				RegistrationStatus.valueOf(rs.getString("status")), participant, instant(rs, "hold_expires_at"),
				instant(rs, "confirmed_at"), instant(rs, "moved_up_at"), rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
