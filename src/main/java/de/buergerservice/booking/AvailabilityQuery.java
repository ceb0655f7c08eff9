package de.buergerservice.booking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * Where and when a visit of some procedures fits: at one location or, without one,
 * anywhere; with an interpreter of a language (ISO 639), only when one is free too.
 */
public record AvailabilityQuery(List<VisitItem> items, @Nullable LocationId location, LocalDate from, LocalDate to,
		Channel channel, @Nullable String interpreterLanguage) {

	/** A question without an interpreter. */
	public AvailabilityQuery(List<VisitItem> items, @Nullable LocationId location, LocalDate from, LocalDate to,
			Channel channel) {
		this(items, location, from, to, channel, null);
	}

	public AvailabilityQuery {
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A visit has at least one procedure");
		}
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The range ends before it starts");
		}
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	public boolean anywhere() {
		return location == null;
	}

}
