package de.buergerservice.locations;

import java.time.Duration;
import java.time.LocalTime;

/**
 * An interval of a day in local time, e.g. 08:00–12:00.
 */
public record TimeRange(LocalTime opens, LocalTime closes) implements Comparable<TimeRange> {

	public TimeRange {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("A time range must open before it closes: " + opens + "-" + closes);
		}
	}

	/** Parses {@code HH:MM-HH:MM}. */
	public static TimeRange parse(String text) {
		String[] parts = text.trim().split("-");
		if (parts.length != 2) {
			throw new IllegalArgumentException("Not a time range (HH:MM-HH:MM): " + text);
		}
		return new TimeRange(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
	}

	public Duration length() {
		return Duration.between(opens, closes);
	}

	public boolean contains(LocalTime time) {
		return !time.isBefore(opens) && time.isBefore(closes);
	}

	@Override
	public int compareTo(TimeRange other) {
		return opens.compareTo(other.opens);
	}

	@Override
	public String toString() {
		return opens + "–" + closes;
	}

}
