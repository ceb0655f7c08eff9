package de.buergerservice.booking;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import de.buergerservice.shared.SecretBox;

/**
 * A citizen's private token (in the manage link, the confirmation link): 256 random bits,
 * base64url. Only its SHA-256 is stored.
 */
public record AccessToken(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public AccessToken {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not an access token");
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public static AccessToken random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public byte[] hash() {
		return SecretBox.sha256(value);
	}

	@Override
	public String toString() {
		return "AccessToken[…]";
	}

}
