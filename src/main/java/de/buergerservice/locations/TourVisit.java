package de.buergerservice.locations;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A recurring visit of the mobile kit to one place: every {@code everyWeeks} weeks on the
 * weekday of {@code firstDay}, until {@code lastDay} if one is set.
 */
public record TourVisit(LocalDate firstDay, @Nullable LocalDate lastDay, int everyWeeks, TimeRange hours) {

	public TourVisit {
		if (everyWeeks < 1 || everyWeeks > 8) {
			throw new IllegalArgumentException("A tour visit recurs every 1 to 8 weeks, not " + everyWeeks);
		}
		if (lastDay != null && lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("A tour visit must end on or after its first day");
		}
	}

	public boolean occursOn(LocalDate date) {
		if (date.isBefore(firstDay) || (lastDay != null && date.isAfter(lastDay))) {
			return false;
		}
		return ChronoUnit.DAYS.between(firstDay, date) % (7L * everyWeeks) == 0;
	}

}
