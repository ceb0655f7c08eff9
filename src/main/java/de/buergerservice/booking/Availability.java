package de.buergerservice.booking;

import java.util.List;

/**
 * Where and when visits fit, answered from memory (kept current by bookings on every
 * instance); the database decides at booking time.
 */
public interface Availability {

	/** The longest range of days the calendar question accepts. */
	int MAX_DAYS = 93;

	/** The longest range of days the times question accepts. */
	int MAX_SLOT_DAYS = 31;

	/** The days of the range that have at least one start time where the visit fits. */
	List<DayAvailability> days(AvailabilityQuery query);

	/** The start times where the visit fits, earliest first, at most {@code limit}. */
	List<Slot> slots(AvailabilityQuery query, int limit);

}
