package de.buergerservice.catalog;

import java.util.regex.Pattern;

/**
 * Identifies a life event (Lebenslage), e.g. {@code geburt}.
 */
public record LifeEventId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	public LifeEventId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a life event id: " + value);
		}
	}

	public static LifeEventId of(String value) {
		return new LifeEventId(value);
	}

	public static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
