package de.buergerservice.booking;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The booking reference a citizen quotes at the counter, e.g. {@code T-7KQ4-M2ZP}: eight
 * characters of Crockford's base32 (no I, L, O, U), random. It identifies, it does not
 * authorize: the private token does that.
 */
public record AppointmentReference(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final Pattern FORMAT = Pattern.compile("T-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public AppointmentReference {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a booking reference: " + value);
		}
	}

	public static AppointmentReference of(String value) {
		return new AppointmentReference(value);
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public static AppointmentReference random() {
		StringBuilder text = new StringBuilder("T-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				text.append('-');
			}
			text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new AppointmentReference(text.toString());
	}

	@Override
	public String toString() {
		return value;
	}

}
