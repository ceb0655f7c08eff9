package de.buergerservice.shared;

/**
 * A secret (such as a citizen's private link token) encrypted for its journey through the
 * event outbox, so that the database never holds it readable. Only {@link SecretBox}
 * opens it.
 */
public record Sealed(String value) {

	@Override
	public String toString() {
		return "Sealed[…]";
	}

}
