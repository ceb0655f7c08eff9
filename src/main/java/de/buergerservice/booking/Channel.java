package de.buergerservice.booking;

/**
 * The way an appointment was made; capacity is split between them per location.
 */
public enum Channel {

	/** Citizens online (pages, the public API). */
	ONLINE,

	/** The 115 and city phone agents on a caller's behalf. */
	PHONE,

	/** Kept for walk-ins at the counter. */
	COUNTER

}
