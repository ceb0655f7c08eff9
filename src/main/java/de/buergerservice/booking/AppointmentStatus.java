package de.buergerservice.booking;

/**
 * Where an appointment stands.
 */
public enum AppointmentStatus {

	/** Capacity held until the citizen confirms by e-mail, or the hold expires. */
	AWAITING_CONFIRMATION,

	CONFIRMED,

	/** Cancelled by the citizen (or staff); its capacity is free again. */
	CANCELLED,

	/** Not confirmed in time; its capacity is free again. */
	EXPIRED;

	/** Whether it still holds capacity. */
	public boolean isActive() {
		return this == AWAITING_CONFIRMATION || this == CONFIRMED;
	}

}
