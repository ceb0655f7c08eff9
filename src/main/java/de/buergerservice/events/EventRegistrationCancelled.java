package de.buergerservice.events;

/**
 * A registration ended: the citizen cancelled it, or its hold lapsed unconfirmed.
 *
 * @param previous what it was before: whether it held a seat or waited
 */
public record EventRegistrationCancelled(RegistrationDetails registration, RegistrationStatus previous, Reason reason) {

	/** Why it ended. */
	public enum Reason {

		CANCELLED, LAPSED

	}

}
