package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.List;

import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * Whether and when a location is open on one date.
 */
public sealed interface DaySchedule {

	LocalDate date();

	/**
	 * Open in the given intervals; for the mobile kit also where it stops that day.
	 */
	record Open(LocalDate date, List<TimeRange> hours, @Nullable TourPlace place) implements DaySchedule {

		public Open {
			hours = List.copyOf(hours);
		}

	}

	/**
	 * Closed, and why: a day without regular hours, a public holiday or a planned
	 * closure.
	 */
	record Closed(LocalDate date, Reason reason, @Nullable LocalizedText explanation) implements DaySchedule {

		/** Closed on a day it would otherwise be open. */
		public boolean isExceptional() {
			return reason != Reason.REGULAR;
		}

	}

	/** Why a location is closed on a day. */
	enum Reason {

		REGULAR, PUBLIC_HOLIDAY, CLOSURE

	}

}
