package de.buergerservice.locations;

import java.time.LocalDate;

import de.buergerservice.shared.LocalizedText;

/**
 * A planned closure of a location (besides public holidays), from its first to its last
 * day.
 */
public record Closure(LocalDate firstDay, LocalDate lastDay, LocalizedText reason) {

	public Closure {
		if (lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("A closure must end on or after its first day");
		}
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(firstDay) && !date.isAfter(lastDay);
	}

}
