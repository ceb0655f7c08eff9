package de.buergerservice.events.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventKind;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.Session;
import org.jspecify.annotations.Nullable;

/**
 * Events and registrations as the pages show them: local times, texts in the page's
 * language, what is still to be had.
 */
final class EventViews {

	private EventViews() {
	}

	/** An event in the list. */
	record Card(String id, EventKind kind, String title, String summary, boolean online, @Nullable String venue,
			ZonedDateTime start, ZonedDateTime end, int sessions, int seatsFree, Availability availability) {
	}

	/** What a registration would get now. */
	enum Availability {

		SEATS, WAITING_LIST, FULL, CLOSED

	}

	/** A session to choose: when, and what it still offers. */
	record Choice(int number, ZonedDateTime start, ZonedDateTime end, int seatsFree, Availability availability) {

		public boolean selectable() {
			return availability == Availability.SEATS || availability == Availability.WAITING_LIST;
		}

	}

	/** The sessions of one day. */
	record Day(LocalDate date, List<Choice> choices) {
	}

	/** A registration as its page shows it. */
	record RegistrationView(String reference, RegistrationStatus status, String event, String title, boolean online,
			@Nullable String venue, @Nullable String address, ZonedDateTime start, ZonedDateTime end, String name,
			String email, @Nullable ZonedDateTime holdExpiresAt, @Nullable Integer waitingPosition) {
	}

	static Card card(Event event, Instant now, ZoneId zone, Locale locale) {
		List<Session> current = event.sessions().stream().filter(session -> session.end().isAfter(now)).toList();
		List<Session> shown = current.isEmpty() ? event.sessions() : current;
		Instant end = shown.stream().map(Session::end).max(Instant::compareTo).orElseThrow();
		Availability availability = event.sessions()
			.stream()
			.map(session -> availability(session, now))
			.min(Enum::compareTo)
			.orElse(Availability.CLOSED);
		return new Card(event.id().value(), event.kind(), event.title().in(locale), event.summary().in(locale),
				event.online(), event.venue() == null ? null : event.venue().in(locale),
				shown.get(0).start().atZone(zone), end.atZone(zone), shown.size(), event.seatsFree(now), availability);
	}

	/** The sessions that have not begun, by day. */
	static List<Day> days(Event event, Instant now, ZoneId zone) {
		Map<LocalDate, List<Choice>> days = new LinkedHashMap<>();
		for (Session session : event.upcoming(now)) {
			ZonedDateTime start = session.start().atZone(zone);
			days.computeIfAbsent(start.toLocalDate(), day -> new java.util.ArrayList<>())
				.add(new Choice(session.number(), start, session.end().atZone(zone), session.seatsFree(),
						availability(session, now)));
		}
		return days.entrySet().stream().map(entry -> new Day(entry.getKey(), List.copyOf(entry.getValue()))).toList();
	}

	static Availability availability(Session session, Instant now) {
		if (!session.open(now)) {
			return Availability.CLOSED;
		}
		if (session.seatsFree() > 0) {
			return Availability.SEATS;
		}
		return session.waitingListFree() > 0 ? Availability.WAITING_LIST : Availability.FULL;
	}

	static RegistrationView registration(Registration registration, ZoneId zone, Locale locale) {
		var details = registration.details();
		return new RegistrationView(details.reference().value(), registration.status(), details.event().value(),
				details.title().in(locale), details.online(),
				details.venue() == null ? null : details.venue().in(locale), details.address(),
				details.start().atZone(zone), details.end().atZone(zone), details.participant().name(),
				details.participant().email().value(),
				registration.holdExpiresAt() == null ? null : registration.holdExpiresAt().atZone(zone),
				registration.waitingPosition());
	}

}
