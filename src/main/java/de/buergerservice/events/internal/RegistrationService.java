package de.buergerservice.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventException;
import de.buergerservice.events.EventId;
import de.buergerservice.events.EventRegistrationCancelled;
import de.buergerservice.events.EventRegistrationConfirmed;
import de.buergerservice.events.EventRegistrationMovedUp;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.EventReminderDue;
import de.buergerservice.events.Events;
import de.buergerservice.events.Registered;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationDetails;
import de.buergerservice.events.RegistrationReference;
import de.buergerservice.events.RegistrationRequest;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.RegistrationToken;
import de.buergerservice.events.Session;
import de.buergerservice.events.internal.RegistrationStore.Purpose;
import de.buergerservice.events.internal.RegistrationStore.Stored;
import de.buergerservice.shared.Sealed;
import de.buergerservice.shared.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, confirms and cancels; lets holds lapse and moves the waiting list up. Every
 * change is one transaction in which the arbiter takes or gives back a seat, the
 * registration changes state and the event for the other modules is recorded in the
 * outbox: all of it happens, or none.
 */
@Service
class RegistrationService implements Events {

	private final EventStore events;

	private final RegistrationStore registrations;

	private final SecretBox secrets;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final EventsProperties properties;

	private final Clock clock;

	RegistrationService(EventStore events, RegistrationStore registrations, SecretBox secrets,
			ApplicationEventPublisher publisher, TransactionTemplate transaction, EventsProperties properties,
			Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.secrets = secrets;
		this.publisher = publisher;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<Event> upcoming() {
		return events.upcoming(clock.instant());
	}

	@Override
	public Optional<Event> find(EventId id) {
		return events.find(id);
	}

	@Override
	public Registered register(RegistrationRequest request) {
		Instant now = clock.instant();
		Event event = events.find(request.event())
			.orElseThrow(() -> new EventException.UnknownEvent(request.event().value()));
		Session session = session(event, request.session());
		if (!session.open(now)) {
			throw new EventException.Closed();
		}
		try {
			return transaction.execute(status -> {
				RegistrationStatus state;
				Instant hold = null;
				if (events.takeSeat(event.id(), session.number(), now)) {
					state = RegistrationStatus.AWAITING_CONFIRMATION;
					hold = holdUntil(now.plus(properties.hold()), session);
				}
				else if (events.takeWaitingPlace(event.id(), session.number(), now)) {
					state = RegistrationStatus.WAITING_LIST;
				}
				else {
					throw new EventException.Full();
				}
				Stored stored = new Stored(UUID.randomUUID(), RegistrationReference.random(), event.id(),
						session.number(), state, request.participant(), hold, null, null, now);
				registrations.insert(stored, now);
				RegistrationToken manage = token(stored.id(), Purpose.MANAGE, now);
				RegistrationToken confirm = hold == null ? null : token(stored.id(), Purpose.CONFIRM, now);
				Integer position = state == RegistrationStatus.WAITING_LIST ? registrations.waitingPosition(stored.id())
						: null;
				RegistrationDetails details = details(event, session, stored);
				publisher.publishEvent(new EventRegistrationReceived(details, state, seal(manage),
						confirm == null ? null : seal(confirm), hold, position));
				return new Registered(new Registration(details, state, hold, position), manage);
			});
		}
		catch (DuplicateKeyException ex) {
			throw new EventException.AlreadyRegistered();
		}
	}

	@Override
	public Optional<Registration> confirm(RegistrationToken confirmToken) {
		Instant now = clock.instant();
		return transaction.execute(status -> {
			Optional<Stored> found = registrations.lockByConfirmToken(confirmToken);
			if (found.isEmpty()) {
				return Optional.<Registration>empty();
			}
			Stored stored = found.get();
			if (stored.status() == RegistrationStatus.CONFIRMED) {
				return Optional.of(view(stored));
			}
			if (stored.status() != RegistrationStatus.AWAITING_CONFIRMATION || stored.holdExpiresAt() == null
					|| !stored.holdExpiresAt().isAfter(now)) {
				return Optional.<Registration>empty();
			}
			Event event = event(stored);
			Session session = event.session(stored.session()).orElseThrow();
			Instant reminder = session.start().minus(properties.reminderBefore());
			registrations.confirm(stored.id(), reminder.isAfter(now) ? reminder : null, now);
			RegistrationToken manage = token(stored.id(), Purpose.MANAGE, now);
			publisher.publishEvent(
					new EventRegistrationConfirmed(details(event, session, stored), seal(manage), joinLink(event)));
			return Optional
				.of(new Registration(details(event, session, stored), RegistrationStatus.CONFIRMED, null, null));
		});
	}

	@Override
	public Optional<Registration> find(RegistrationReference reference, RegistrationToken token) {
		return registrations.findManaged(reference, token).map(this::view);
	}

	@Override
	public boolean cancel(RegistrationReference reference, RegistrationToken token) {
		Instant now = clock.instant();
		Boolean cancelled = transaction.execute(status -> {
			Optional<Stored> locked = registrations.lockManaged(reference, token);
			if (locked.isEmpty()) {
				return false;
			}
			Stored stored = locked.get();
			if (!stored.status().isActive()) {
				return stored.status() == RegistrationStatus.CANCELLED;
			}
			end(stored, RegistrationStatus.CANCELLED, EventRegistrationCancelled.Reason.CANCELLED, now);
			return true;
		});
		return Boolean.TRUE.equals(cancelled);
	}

	/**
	 * Lets an unconfirmed hold lapse (called by the job with the row locked); its seat
	 * goes to the next on the waiting list.
	 */
	void lapse(UUID id, Instant now) {
		registrations.lock(id)
			.filter(stored -> stored.status() == RegistrationStatus.AWAITING_CONFIRMATION)
			.filter(stored -> stored.holdExpiresAt() != null && !stored.holdExpiresAt().isAfter(now))
			.ifPresent(stored -> end(stored, RegistrationStatus.LAPSED, EventRegistrationCancelled.Reason.LAPSED, now));
	}

	/**
	 * Announces a confirmed participant's reminder (called by the job with the row
	 * locked).
	 */
	void remind(UUID id, Instant now) {
		registrations.lock(id).filter(stored -> stored.status() == RegistrationStatus.CONFIRMED).ifPresent(stored -> {
			Event event = event(stored);
			Session session = event.session(stored.session()).orElseThrow();
			RegistrationToken manage = token(stored.id(), Purpose.MANAGE, now);
			registrations.markReminded(stored.id(), now);
			publisher
				.publishEvent(new EventReminderDue(details(event, session, stored), seal(manage), joinLink(event)));
		});
	}

	private void end(Stored stored, RegistrationStatus to, EventRegistrationCancelled.Reason reason, Instant now) {
		if (!registrations.end(stored.id(), stored.status(), to, now)) {
			return;
		}
		Event event = event(stored);
		Session session = event.session(stored.session()).orElseThrow();
		if (stored.status().holdsSeat()) {
			passOn(event, session, now);
		}
		else {
			events.releaseWaitingPlace(event.id(), session.number());
		}
		publisher
			.publishEvent(new EventRegistrationCancelled(details(event, session, stored), stored.status(), reason));
	}

	/**
	 * A seat became free: the first on the waiting list gets it, held for them to
	 * confirm; without anyone waiting (or once the session has begun) it is free again.
	 */
	private void passOn(Event event, Session session, Instant now) {
		Optional<Stored> next = session.open(now) ? registrations.lockFirstWaiting(event.id(), session.number())
				: Optional.empty();
		if (next.isEmpty()) {
			events.releaseSeat(event.id(), session.number());
			return;
		}
		Stored waiting = next.get();
		Instant hold = holdUntil(now.plus(properties.offerHold()), session);
		registrations.moveUp(waiting.id(), hold, now);
		events.releaseWaitingPlace(event.id(), session.number());
		RegistrationToken confirm = token(waiting.id(), Purpose.CONFIRM, now);
		RegistrationToken manage = token(waiting.id(), Purpose.MANAGE, now);
		publisher.publishEvent(
				new EventRegistrationMovedUp(details(event, session, waiting), seal(confirm), seal(manage), hold));
	}

	private Session session(Event event, @Nullable Integer number) {
		if (number == null) {
			if (event.sessions().size() == 1) {
				return event.sessions().get(0);
			}
			throw EventException.Invalid.of("session", "events.error.session.missing");
		}
		return event.session(number)
			.orElseThrow(() -> EventException.Invalid.of("session", "events.error.session.unknown", number));
	}

	private Registration view(Stored stored) {
		Event event = event(stored);
		Session session = event.session(stored.session()).orElseThrow();
		Integer position = stored.status() == RegistrationStatus.WAITING_LIST
				? registrations.waitingPosition(stored.id()) : null;
		return new Registration(details(event, session, stored), stored.status(), stored.holdExpiresAt(), position);
	}

	private Event event(Stored stored) {
		return events.find(stored.event()).orElseThrow();
	}

	private static RegistrationDetails details(Event event, Session session, Stored stored) {
		return new RegistrationDetails(stored.reference(), event.id(), event.kind(), event.title(), session.number(),
				session.start(), session.end(), event.online(), event.venue(), event.address(), stored.participant());
	}

	/** A hold ends at the latest when the session begins; to the second. */
	private static Instant holdUntil(Instant wanted, Session session) {
		Instant until = wanted.isAfter(session.start()) ? session.start() : wanted;
		return until.truncatedTo(ChronoUnit.SECONDS);
	}

	private RegistrationToken token(UUID registration, Purpose purpose, Instant now) {
		RegistrationToken token = RegistrationToken.random();
		registrations.addToken(registration, token, purpose, now);
		return token;
	}

	private Sealed seal(RegistrationToken token) {
		return secrets.seal(token.value());
	}

	private @Nullable Sealed joinLink(Event event) {
		return event.online() ? events.joinLink(event.id()).map(secrets::seal).orElse(null) : null;
	}

}
