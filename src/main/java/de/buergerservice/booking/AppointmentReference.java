package de.buergerservice.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

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

	/**
	 * A reference as people type or scanners send it: any case, with or without hyphens
	 * or spaces, O for 0 and I or L for 1 (the reference alphabet has none of them).
	 */
	public static Optional<AppointmentReference> parse(@Nullable String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String compact = typed.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s\\-–]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (compact.length() != 9 || compact.charAt(0) != 'T') {
			return Optional.empty();
		}
		String formatted = "T-" + compact.substring(1, 5) + "-" + compact.substring(5);
		return isValid(formatted) ? Optional.of(new AppointmentReference(formatted)) : Optional.empty();
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
