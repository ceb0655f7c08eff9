package de.buergerservice.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.buergerservice.events.internal.EventStore;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events made for one test (each with an id of its own, so that tests sharing the
 * application context do not meet), starting days after the test clock's start.
 */
public final class TestEvents {

	public static final Instant NOW = MutableClock.START.toInstant();

	private final EventStore store;

	private final TransactionTemplate transaction;

	public TestEvents(EventStore store, TransactionTemplate transaction) {
		this.store = store;
		this.transaction = transaction;
	}

	/** An online dialogue in {@code days} days with the seats and waiting list. */
	public EventId online(int days, int seats, int waitingList) {
		return create(EventKind.DIALOGUE, "https://meeting.example/" + UUID.randomUUID(), null,
				List.of(new EventStore.NewSession(NOW.plus(Duration.ofDays(days)),
						NOW.plus(Duration.ofDays(days)).plus(Duration.ofHours(2)), seats, waitingList)));
	}

	/** A course on site in {@code days} days. */
	public EventId onSite(int days, int seats, int waitingList, @Nullable LocationId organiser) {
		return create(EventKind.COURSE, null, organiser,
				List.of(new EventStore.NewSession(NOW.plus(Duration.ofDays(days)),
						NOW.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(90)), seats, waitingList)));
	}

	/** Consultation hours in {@code days} days: {@code count} sessions of 20 minutes. */
	public EventId consultation(int days, int count, int seats, int waitingList) {
		List<EventStore.NewSession> sessions = new ArrayList<>();
		Instant start = NOW.plus(Duration.ofDays(days));
		for (int i = 0; i < count; i++) {
			sessions.add(new EventStore.NewSession(start.plus(Duration.ofMinutes(20L * i)),
					start.plus(Duration.ofMinutes(20L * (i + 1))), seats, waitingList));
		}
		return create(EventKind.CONSULTATION, null, LocationId.of("buergerbuero-otto-schill-strasse"), sessions);
	}

	private EventId create(EventKind kind, @Nullable String joinLink, @Nullable LocationId organiser,
			List<EventStore.NewSession> sessions) {
		EventId id = EventId.of("test-" + UUID.randomUUID());
		LocalizedText venue = joinLink == null
				? LocalizedText.of("Volkshochschule, Raum 1", "Adult education centre, room 1") : null;
		transaction
			.executeWithoutResult(status -> store.insert(
					new EventStore.NewEvent(id, kind, LocalizedText.of("Testveranstaltung " + id, "Test event " + id),
							LocalizedText.of("Kurz", "Short"), LocalizedText.of("Beschreibung", "Description"), venue,
							joinLink == null ? "Löhrstraße 3, 04105 Leipzig" : null, joinLink, organiser, sessions),
					NOW));
		return id;
	}

	/** A participant with an address of their own. */
	public static Participant participant() {
		return participant(Locale.GERMAN);
	}

	public static Participant participant(Locale language) {
		return new Participant(Locale.ENGLISH.equals(language) ? "Jane Doe" : "Erika Mustermann", email(), language);
	}

	public static Email email() {
		return Email.of("teilnehmer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org");
	}

}
