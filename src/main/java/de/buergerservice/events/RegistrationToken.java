package de.buergerservice.events;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import de.buergerservice.shared.SecretBox;

/**
 * The private token of a registration's links (confirm, view and cancel): 256 random
 * bits, base64url. Only its SHA-256 is stored.
 */
public record RegistrationToken(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public RegistrationToken {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a registration token");
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public static RegistrationToken random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new RegistrationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public byte[] hash() {
		return SecretBox.sha256(value);
	}

	@Override
	public String toString() {
		return "RegistrationToken[…]";
	}

}
