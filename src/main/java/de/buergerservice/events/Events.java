package de.buergerservice.events;

import java.util.List;
import java.util.Optional;

/**
 * The events, courses and consultation hours the city offers, and registering for them.
 */
public interface Events {

	/** Events with a session that has not ended, the soonest first. */
	List<Event> upcoming();

	Optional<Event> find(EventId id);

	/**
	 * Registers a citizen: a seat held until they confirm by e-mail, or a place on the
	 * waiting list.
	 * @throws EventException when neither is possible or the request is wrong
	 */
	Registered register(RegistrationRequest request);

	/**
	 * Confirms a registration with the token of its confirmation mail; empty if the token
	 * is unknown or the hold has lapsed. Confirming twice is harmless.
	 */
	Optional<Registration> confirm(RegistrationToken confirmToken);

	/** The registration, for the holder of its private token. */
	Optional<Registration> find(RegistrationReference reference, RegistrationToken token);

	/**
	 * Cancels a registration; its seat goes to the next on the waiting list. False if the
	 * token does not fit (cancelling twice is true).
	 */
	boolean cancel(RegistrationReference reference, RegistrationToken token);

}
