package de.buergerservice.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as citizens enter it: trimmed, at most 254 characters, one {@code @}
 * with a local part and a domain that has a dot. Compared case-insensitively.
 */
public record Email(String value) {

	private static final Pattern FORMAT = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	public Email {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not an e-mail address: " + value);
		}
		value = value.strip();
	}

	public static Email of(String value) {
		return new Email(value);
	}

	public static boolean isValid(String value) {
		if (value == null) {
			return false;
		}
		String trimmed = value.strip();
		return trimmed.length() <= 254 && FORMAT.matcher(trimmed).matches();
	}

	/** The address as compared and counted: lower case. */
	public String normalized() {
		return value.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value;
	}

}
