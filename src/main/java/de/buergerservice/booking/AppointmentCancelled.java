package de.buergerservice.booking;

/**
 * An appointment no longer holds capacity: cancelled, or not confirmed in time.
 */
public record AppointmentCancelled(AppointmentDetails appointment, Reason reason) {

	/** Why it ended. */
	public enum Reason {

		/** The citizen cancelled. */
		CANCELLED,

		/** The citizen did not confirm in time. */
		EXPIRED

	}

}
