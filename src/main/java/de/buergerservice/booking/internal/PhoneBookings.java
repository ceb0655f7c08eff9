package de.buergerservice.booking.internal;

import java.time.Clock;
import java.util.Objects;

import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.staff.PersonalDataHandled;
import de.buergerservice.staff.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings a phone agent makes on a caller's behalf, from the phone quota: the booking
 * and the audit log's entry of who booked it commit together.
 */
@Service
public class PhoneBookings {

	/** The audit log's action for a booking made by staff. */
	static final String BOOKED = "BOOKED";

	private final Appointments appointments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PhoneBookings(Appointments appointments, ApplicationEventPublisher events, TransactionTemplate transaction,
			Clock clock) {
		this.appointments = appointments;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Books as {@link Appointments#book} does, for a request of the phone channel.
	 * @throws de.buergerservice.booking.BookingException as {@link Appointments#book}
	 * does; nothing is booked or recorded then
	 */
	public Booked book(StaffMember agent, BookingRequest request) {
		if (request.channel() != Channel.PHONE) {
			throw new IllegalArgumentException("A phone agent books from the phone quota");
		}
		return Objects.requireNonNull(transaction.execute(status -> {
			Booked booked = appointments.book(request);
			Appointment appointment = booked.appointment();
			events.publishEvent(new PersonalDataHandled(agent.username(), BOOKED, appointment.reference().value(),
					appointment.location(), clock.instant(), null));
			return booked;
		}));
	}

}
