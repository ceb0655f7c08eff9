package de.buergerservice.events.internal;

import java.time.Clock;
import java.util.List;

import de.buergerservice.events.Event;
import de.buergerservice.events.internal.RegistrationStore.Stored;
import de.buergerservice.staff.PersonalDataHandled;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What organisers see: the events they may look after and their registrations. An
 * administrator may see every event; the head of an office the events their office
 * organises. Every look at the registrations (on the page or as a CSV file) is recorded
 * in the audit log.
 */
@Component
public class Organisers {

	/** The audit log's action when staff view the registrations of an event. */
	public static final String VIEWED = "EVENT_REGISTRATIONS_VIEWED";

	/** The audit log's action when staff export the registrations of an event. */
	public static final String EXPORTED = "EVENT_REGISTRATIONS_EXPORTED";

	private final EventStore events;

	private final RegistrationStore registrations;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Organisers(EventStore events, RegistrationStore registrations, ApplicationEventPublisher publisher,
			TransactionTemplate transaction, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.publisher = publisher;
		this.transaction = transaction;
		this.clock = clock;
	}

	public static boolean may(StaffMember member, Event event) {
		return member.isAdministrator()
				|| event.organiser() != null && member.may(event.organiser(), Role.HEAD_OF_OFFICE);
	}

	/** The events the member may see the registrations of, the newest first. */
	public List<Event> events(StaffMember member) {
		return events.all().stream().filter(event -> may(member, event)).toList();
	}

	/**
	 * The registrations of an event the member may see, recorded in the audit log as
	 * {@code action} ({@link #VIEWED} or {@link #EXPORTED}) in the same transaction.
	 */
	public List<Stored> registrations(StaffMember member, Event event, String action) {
		if (!may(member, event)) {
			throw new IllegalArgumentException(member.username() + " may not see " + event.id());
		}
		return transaction.execute(status -> {
			List<Stored> found = registrations.ofEvent(event.id());
			publisher.publishEvent(new PersonalDataHandled(member.username(), action, event.id().value(),
					event.organiser(), clock.instant(), found.size() + " registrations"));
			return found;
		});
	}

}
