package de.buergerservice.events.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import de.buergerservice.events.EventId;
import de.buergerservice.events.EventKind;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * The demo city's events as written in {@code demo/<city>/events.yaml}: each with its
 * sessions in local time, or, for consultation hours, blocks of time cut into sessions of
 * equal length.
 */
record EventsSeed(List<EventSeed> events) {

	EventsSeed {
		events = List.copyOf(events);
	}

	record EventSeed(String id, EventKind kind, LocalizedText title, LocalizedText summary, LocalizedText description,
			@Nullable LocalizedText venue, @Nullable String address, @Nullable String joinLink,
			@Nullable String organiser, @Nullable List<SessionSeed> sessions, @Nullable List<BlockSeed> blocks) {

		EventStore.NewEvent toEvent(ZoneId zone) {
			List<EventStore.NewSession> all = new ArrayList<>();
			if (sessions != null) {
				sessions.forEach(session -> all.add(new EventStore.NewSession(session.start().atZone(zone).toInstant(),
						session.end().atZone(zone).toInstant(), session.seats(), session.waitingList())));
			}
			if (blocks != null) {
				blocks.forEach(block -> all.addAll(block.sessions(zone)));
			}
			return new EventStore.NewEvent(EventId.of(id), kind, title, summary, description, venue, address, joinLink,
					organiser == null ? null : LocationId.of(organiser), all);
		}

	}

	/** One session, in the city's local time. */
	record SessionSeed(LocalDateTime start, LocalDateTime end, int seats, int waitingList) {
	}

	/**
	 * Consultation hours on a day from {@code from} to {@code to}, in sessions of
	 * {@code minutes}, each with its seats and waiting list.
	 */
	record BlockSeed(LocalDate date, LocalTime from, LocalTime to, int minutes, int seats, int waitingList) {

		List<EventStore.NewSession> sessions(ZoneId zone) {
			List<EventStore.NewSession> sessions = new ArrayList<>();
			Duration length = Duration.ofMinutes(minutes);
			LocalDateTime end = date.atTime(to);
			for (LocalDateTime start = date.atTime(from); !start.plus(length).isAfter(end); start = start
				.plus(length)) {
				sessions.add(new EventStore.NewSession(start.atZone(zone).toInstant(),
						start.plus(length).atZone(zone).toInstant(), seats, waitingList));
			}
			return sessions;
		}

	}

}
