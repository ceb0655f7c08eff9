package de.buergerservice.catalog;

import java.util.regex.Pattern;

/**
 * The national service key of a procedure (Leistungsschlüssel of the LeiKa / FIM
 * catalogue): 14 digits starting with 99, e.g. {@code 99115005104000} for registering an
 * address.
 */
public record LeikaKey(String value) {

	private static final Pattern FORMAT = Pattern.compile("99\\d{12}");

	public LeikaKey {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A LeiKa key has 14 digits and starts with 99: " + value);
		}
	}

	public static LeikaKey of(String value) {
		return new LeikaKey(value);
	}

	@Override
	public String toString() {
		return value;
	}

}
