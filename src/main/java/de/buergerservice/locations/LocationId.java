package de.buergerservice.locations;

import java.util.regex.Pattern;

/**
 * Identifies a location, e.g. {@code buergerbuero-otto-schill-strasse}.
 */
public record LocationId(String value) implements Comparable<LocationId> {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	public LocationId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a location id: " + value);
		}
	}

	public static LocationId of(String value) {
		return new LocationId(value);
	}

	public static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	@Override
	public int compareTo(LocationId other) {
		return value.compareTo(other.value);
	}

	/**
	 * Written out, as {@link #hashCode}: the generated one ran through method handles
	 * that the JIT did not inline where map lookups call it (a tenth of an availability
	 * answer's time in the Berlin benchmark).
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof LocationId id && value.equals(id.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

}
