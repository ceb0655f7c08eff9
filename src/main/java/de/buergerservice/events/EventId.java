package de.buergerservice.events;

import java.util.regex.Pattern;

/**
 * Identifies an event, e.g. {@code buergerdialog-2027-01}: a readable slug of lower-case
 * letters, digits and hyphens.
 */
public record EventId(String value) implements Comparable<EventId> {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	public EventId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not an event id: " + value);
		}
	}

	public static EventId of(String value) {
		return new EventId(value);
	}

	public static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	@Override
	public int compareTo(EventId other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}

}
