package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.booking.internal.AppointmentStore.Purpose;
import de.buergerservice.shared.SecretBox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking module's clockwork, safe on any number of instances (rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}): holds that were not confirmed in time expire and free
 * their capacity; reminders go out; spent challenges, old idempotency keys and rate-limit
 * buckets that have filled up again are forgotten.
 */
@Component
public class BookingJobs {

	private static final int BATCH = 100;

	private final AppointmentStore appointments;

	private final AppointmentService service;

	private final ProofOfWork proofOfWork;

	private final IdempotencyStore idempotency;

	private final RateLimits limits;

	private final SecretBox secrets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	BookingJobs(AppointmentStore appointments, AppointmentService service, ProofOfWork proofOfWork,
			IdempotencyStore idempotency, RateLimits limits, SecretBox secrets, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.appointments = appointments;
		this.service = service;
		this.proofOfWork = proofOfWork;
		this.idempotency = idempotency;
		this.limits = limits;
		this.secrets = secrets;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Lets unconfirmed holds lapse (up to a batch); returns how many. One transaction per
	 * hold: a transaction that released the seats of several visits would lock their
	 * units out of time order and deadlock with the bookings racing for them (seen in the
	 * crash tests' rush).
	 */
	@Scheduled(fixedDelayString = "${buergerservice.booking.jobs.holds:15s}")
	public int expireHolds() {
		int expired = 0;
		while (expired < BATCH && Boolean.TRUE.equals(transaction.execute(status -> {
			List<UUID> due = appointments.expiredHolds(clock.instant(), 1);
			due.forEach(id -> appointments.lock(id).ifPresent(service::expire));
			return !due.isEmpty();
		}))) {
			expired++;
		}
		return expired;
	}

	/** Announces the reminders that are due; returns how many. */
	@Scheduled(fixedDelayString = "${buergerservice.booking.jobs.reminders:60s}")
	public int remind() {
		Integer reminded = transaction.execute(status -> {
			Instant now = clock.instant();
			List<UUID> due = appointments.dueReminders(now, BATCH);
			for (UUID id : due) {
				appointments.lock(id).ifPresent(stored -> {
					AccessToken manage = AccessToken.random();
					appointments.addToken(id, manage, Purpose.MANAGE, now);
					appointments.markReminded(id, now);
					events.publishEvent(
							new AppointmentReminderDue(stored.appointment().details(), secrets.seal(manage.value())));
				});
			}
			return due.size();
		});
		return reminded == null ? 0 : reminded;
	}

	@Scheduled(fixedDelayString = "${buergerservice.booking.jobs.purge:1h}")
	public void purge() {
		proofOfWork.purge();
		idempotency.purge();
		limits.purge();
	}

}
