package de.buergerservice.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events module's clockwork, safe on any number of instances (rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and a reminder is marked sent in the transaction that
 * announces it): unconfirmed holds lapse and their seats move the waiting list up;
 * reminders go out, each once.
 */
@Component
public class EventJobs {

	private static final int BATCH = 100;

	private final RegistrationStore registrations;

	private final RegistrationService service;

	private final TransactionTemplate transaction;

	private final Clock clock;

	EventJobs(RegistrationStore registrations, RegistrationService service, TransactionTemplate transaction,
			Clock clock) {
		this.registrations = registrations;
		this.service = service;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Lets unconfirmed holds lapse; returns how many. */
	@Scheduled(fixedDelayString = "${buergerservice.events.jobs.holds:15s}")
	public int lapseHolds() {
		Integer lapsed = transaction.execute(status -> {
			Instant now = clock.instant();
			List<UUID> due = registrations.lapsedHolds(now, BATCH);
			due.forEach(id -> service.lapse(id, now));
			return due.size();
		});
		return lapsed == null ? 0 : lapsed;
	}

	/** Announces the reminders that are due; returns how many. */
	@Scheduled(fixedDelayString = "${buergerservice.events.jobs.reminders:60s}")
	public int remind() {
		Integer reminded = transaction.execute(status -> {
			Instant now = clock.instant();
			List<UUID> due = registrations.dueReminders(now, BATCH);
			due.forEach(id -> service.remind(id, now));
			return due.size();
		});
		return reminded == null ? 0 : reminded;
	}

}
