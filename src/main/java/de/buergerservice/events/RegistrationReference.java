package de.buergerservice.events;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A registration's reference, e.g. {@code V-7KQ4-M2ZP} (V for Veranstaltung): eight
 * random characters of Crockford's base32. It identifies, it does not authorize: the
 * private token does that.
 */
public record RegistrationReference(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final Pattern FORMAT = Pattern.compile("V-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public RegistrationReference {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a registration reference: " + value);
		}
	}

	public static RegistrationReference of(String value) {
		return new RegistrationReference(value);
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public static RegistrationReference random() {
		StringBuilder text = new StringBuilder("V-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				text.append('-');
			}
			text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new RegistrationReference(text.toString());
	}

	@Override
	public String toString() {
		return value;
	}

}
