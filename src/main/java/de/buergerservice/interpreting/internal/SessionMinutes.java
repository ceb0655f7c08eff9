package de.buergerservice.interpreting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.InterpreterSessionRecorded;
import de.buergerservice.shared.City;
import de.buergerservice.staff.PersonalDataHandled;
import de.buergerservice.staff.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes an interpreter worked in a consultation, recorded by registry staff after
 * it (a correction replaces them): for the city's account, the statistics and the audit
 * log.
 */
@Component
public class SessionMinutes {

	/** Ten hours: more is a typing error. */
	public static final int MAX_MINUTES = 600;

	private final InterpreterStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final City city;

	SessionMinutes(InterpreterStore store, ApplicationEventPublisher events, Clock clock, City city) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.city = city;
	}

	@Transactional
	public void record(StaffMember member, Assignment assignment, int minutes) {
		if (minutes < 0 || minutes > MAX_MINUTES) {
			throw new IllegalArgumentException("Minutes out of range: " + minutes);
		}
		Instant now = clock.instant();
		InterpreterStore.Row row = store.assignment(assignment.reference())
			.orElseThrow(() -> new IllegalArgumentException("No assignment " + assignment.reference()));
		store.recordMinutes(row, assignment.start().atZone(city.zone()).toLocalDate(), minutes, member.username(), now);
		events.publishEvent(new InterpreterSessionRecorded(assignment.reference(), assignment.interpreterId(),
				assignment.language().code(), minutes, now));
		events.publishEvent(new PersonalDataHandled(member.username(), "INTERPRETING_RECORDED",
				assignment.reference().value(), assignment.location(), now, minutes + " min"));
	}

	/** The minutes recorded so far, by booking reference. */
	public Map<String, Integer> recorded(Collection<AppointmentReference> references) {
		return store.minutes(references);
	}

}
