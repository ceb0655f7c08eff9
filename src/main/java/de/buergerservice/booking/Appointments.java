package de.buergerservice.booking;

import java.time.Instant;
import java.util.Optional;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * Booking, confirming, viewing, moving and cancelling appointments. Every method that
 * needs the citizen's private token answers "not found" for a wrong token exactly as for
 * an unknown reference.
 */
public interface Appointments {

	/**
	 * Books a visit: validates it, applies the limits, claims the capacity in one
	 * transaction. Online, the citizen needs an e-mail address (and, with
	 * {@code email-confirmation=required}, confirms by mail); by phone or at the counter
	 * the appointment is confirmed at once, and a citizen without an address gets no
	 * mail.
	 * @throws BookingException.Invalid for a wrong request (nothing held)
	 * @throws BookingException.Unavailable if the time is no longer free
	 * @throws BookingException.LimitReached past a rate or per-person limit
	 */
	Booked book(BookingRequest request);

	Optional<Appointment> find(AppointmentReference reference, AccessToken token);

	/**
	 * Confirms an appointment awaiting confirmation; empty if the token is unknown or
	 * expired.
	 */
	Optional<Appointment> confirm(AccessToken confirmToken);

	/**
	 * Moves an appointment: the new time is taken before the old one is released.
	 * @return empty if the reference and token do not match an active appointment
	 * @throws BookingException.Invalid for a wrong new time
	 * @throws BookingException.Unavailable if the new time is not free
	 */
	Optional<Appointment> reschedule(AppointmentReference reference, AccessToken token, Instant start,
			@Nullable LocationId location);

	/** Cancels an appointment, its capacity is free at once; false if not found. */
	boolean cancel(AppointmentReference reference, AccessToken token);

	/** The appointment as an iCalendar file (RFC 5545) in the citizen's language. */
	Optional<String> calendar(AppointmentReference reference, AccessToken token);

}
