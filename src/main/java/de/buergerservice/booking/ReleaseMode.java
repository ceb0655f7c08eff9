package de.buergerservice.booking;

/**
 * How a location releases new days for online booking.
 */
public enum ReleaseMode {

	/** Every day up to the horizon is bookable at any time. */
	ROLLING,

	/**
	 * The newest day (today + horizon) comes in steps at fixed times: with release times
	 * 10:00 and 17:00 its first half at 10:00, the rest at 17:00 (as the city did).
	 */
	SCHEDULED

}
