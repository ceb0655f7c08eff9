package de.buergerservice.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An event the city offers, with its sessions in order of time. Online events have a join
 * link, which only confirmed participants get (it is not part of this view).
 *
 * @param venue where it takes place; {@code null} for an online event
 * @param organiser the location whose head of office sees the registrations;
 * {@code null}: administrators only
 */
public record Event(EventId id, EventKind kind, LocalizedText title, LocalizedText summary, LocalizedText description,
		boolean online, @Nullable LocalizedText venue, @Nullable String address, @Nullable LocationId organiser,
		List<Session> sessions) {

	public Event {
		sessions = List.copyOf(sessions);
		if (sessions.isEmpty()) {
			throw new IllegalArgumentException("An event has at least one session: " + id);
		}
	}

	public Optional<Session> session(int number) {
		return sessions.stream().filter(session -> session.number() == number).findFirst();
	}

	public Instant start() {
		return sessions.get(0).start();
	}

	public Instant end() {
		return sessions.stream().map(Session::end).max(Instant::compareTo).orElseThrow();
	}

	/** The sessions that have not begun. */
	public List<Session> upcoming(Instant now) {
		return sessions.stream().filter(session -> session.open(now)).toList();
	}

	/** Free seats of the sessions that have not begun. */
	public int seatsFree(Instant now) {
		return upcoming(now).stream().mapToInt(Session::seatsFree).sum();
	}

	/** Whether a registration would now get a seat or a place on a waiting list. */
	public boolean available(Instant now) {
		return sessions.stream().anyMatch(session -> session.available(now));
	}

}
