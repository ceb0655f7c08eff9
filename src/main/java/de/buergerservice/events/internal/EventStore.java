package de.buergerservice.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventId;
import de.buergerservice.events.EventKind;
import de.buergerservice.events.Session;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events and their sessions in {@code events.event} and {@code events.session}, and the
 * arbiter: seats and waiting-list places are taken and given back by conditional updates
 * of the session's counters, which the table's checks keep within bounds.
 */
@Repository
public class EventStore {

	private final JdbcClient jdbc;

	EventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new event as the organiser describes it; its sessions start with no seat taken.
	 */
	public record NewEvent(EventId id, EventKind kind, LocalizedText title, LocalizedText summary,
			LocalizedText description, @Nullable LocalizedText venue, @Nullable String address,
			@Nullable String joinLink, @Nullable LocationId organiser, List<NewSession> sessions) {

		public NewEvent {
			sessions = List.copyOf(sessions);
		}

	}

	/** A new session of an event. */
	public record NewSession(Instant start, Instant end, int seats, int waitingLimit) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(NewEvent event, Instant now) {
		jdbc.sql("""
				INSERT INTO events.event (id, kind, title_de, title_en, summary_de, summary_en, description_de,
				  description_en, venue_de, venue_en, address, join_link, organiser_location, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(event.id().value(), event.kind().name(), event.title().de(), event.title().en(),
					event.summary().de(), event.summary().en(), event.description().de(), event.description().en(),
					event.venue() == null ? null : event.venue().de(),
					event.venue() == null ? null : event.venue().en(), event.address(), event.joinLink(),
					event.organiser() == null ? null : event.organiser().value(), Timestamp.from(now))
			.update();
		int number = 1;
		for (NewSession session : event.sessions()) {
			jdbc.sql("""
					INSERT INTO events.session (event_id, number, start_at, end_at, seats, waiting_limit)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(event.id().value(), number++, Timestamp.from(session.start()), Timestamp.from(session.end()),
						session.seats(), session.waitingLimit())
				.update();
		}
	}

	public boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM events.event)").query(Boolean.class).single();
	}

	/** Events with a session that ends after {@code now}, the soonest first. */
	@Transactional(readOnly = true)
	public List<Event> upcoming(Instant now) {
		return select("WHERE e.id IN (SELECT event_id FROM events.session WHERE end_at > ?)", Timestamp.from(now));
	}

	/** Every event, the newest first: the organiser's list. */
	@Transactional(readOnly = true)
	public List<Event> all() {
		return select("").reversed();
	}

	@Transactional(readOnly = true)
	public Optional<Event> find(EventId id) {
		return select("WHERE e.id = ?", id.value()).stream().findFirst();
	}

	/** The join link of an online event. */
	public Optional<String> joinLink(EventId id) {
		return jdbc.sql("SELECT join_link FROM events.event WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(link -> link);
	}

	/** Takes a seat if one is free and the session has not begun; false otherwise. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean takeSeat(EventId event, int session, Instant now) {
		return jdbc.sql("""
				UPDATE events.session SET taken = taken + 1
				WHERE event_id = ? AND number = ? AND taken < seats AND start_at > ?""")
			.params(event.value(), session, Timestamp.from(now))
			.update() == 1;
	}

	/** Takes a waiting-list place if one is free and the session has not begun. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean takeWaitingPlace(EventId event, int session, Instant now) {
		return jdbc.sql("""
				UPDATE events.session SET waiting = waiting + 1
				WHERE event_id = ? AND number = ? AND waiting < waiting_limit AND start_at > ?""")
			.params(event.value(), session, Timestamp.from(now))
			.update() == 1;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseSeat(EventId event, int session) {
		change("taken = taken - 1", event, session);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseWaitingPlace(EventId event, int session) {
		change("waiting = waiting - 1", event, session);
	}

	private void change(String assignment, EventId event, int session) {
		int rows = jdbc.sql("UPDATE events.session SET " + assignment + " WHERE event_id = ? AND number = ?")
			.params(event.value(), session)
			.update();
		if (rows != 1) {
			throw new IllegalStateException("No session " + session + " of " + event);
		}
	}

	private List<Event> select(String where, Object... params) {
		Map<String, Row> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT e.* FROM events.event e " + where).params(params).query((ResultSet rs) -> {
			Row row = new Row(rs);
			rows.put(row.id.value(), row);
		});
		if (rows.isEmpty()) {
			return List.of();
		}
		jdbc.sql("SELECT * FROM events.session WHERE event_id = ANY (?) ORDER BY start_at, number")
			.param(rows.keySet().toArray(String[]::new))
			.query((ResultSet rs) -> {
				rows.get(rs.getString("event_id")).sessions.add(session(rs));
			});
		return rows.values()
			.stream()
			.map(Row::event)
			.sorted(java.util.Comparator.comparing(Event::start).thenComparing(Event::id))
			.toList();
	}

	private static Session session(ResultSet rs) throws SQLException {
		return new Session(rs.getInt("number"), rs.getTimestamp("start_at").toInstant(),
				rs.getTimestamp("end_at").toInstant(), rs.getInt("seats"), rs.getInt("taken"),
				rs.getInt("waiting_limit"), rs.getInt("waiting"));
	}

	/** An event's row while its sessions are read. */
	private static final class Row {

		final EventId id;

		final EventKind kind;

		final LocalizedText title;

		final LocalizedText summary;

		final LocalizedText description;

		final @Nullable LocalizedText venue;

		final @Nullable String address;

		final boolean online;

		final @Nullable LocationId organiser;

		final List<Session> sessions = new ArrayList<>();

		Row(ResultSet rs) throws SQLException {
			id = EventId.of(rs.getString("id"));
			kind = EventKind.valueOf(rs.getString("kind"));
			title = LocalizedText.of(rs.getString("title_de"), rs.getString("title_en"));
			summary = LocalizedText.of(rs.getString("summary_de"), rs.getString("summary_en"));
			description = LocalizedText.of(rs.getString("description_de"), rs.getString("description_en"));
			String venueDe = rs.getString("venue_de");
			venue = venueDe == null ? null : LocalizedText.of(venueDe, rs.getString("venue_en"));
			address = rs.getString("address");
			online = rs.getString("join_link") != null;
			String location = rs.getString("organiser_location");
			organiser = location == null ? null : LocationId.of(location);
		}

		Event event() {
			return new Event(id, kind, title, summary, description, online, venue, address, organiser, sessions);
		}

	}

}
