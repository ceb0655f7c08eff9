package de.buergerservice.interpreting;

import java.util.Locale;

import de.buergerservice.shared.LocalizedText;

/**
 * A language interpreters are offered in: its ISO 639 code and its German and English
 * names as the JDK knows them (no list of names of our own).
 */
public record Language(String code, LocalizedText name) {

	/**
	 * The language of an ISO 639 code.
	 * @throws IllegalArgumentException if the JDK has no German or English name for it
	 */
	public static Language of(String code) {
		String normalized = code.strip().toLowerCase(Locale.ROOT);
		Locale locale = Locale.of(normalized);
		String german = locale.getDisplayLanguage(Locale.GERMAN);
		String english = locale.getDisplayLanguage(Locale.ENGLISH);
		if (!normalized.matches("[a-z]{2,3}") || german.isBlank() || german.equals(normalized)
				|| english.equals(normalized)) {
			throw new IllegalArgumentException("Not an ISO 639 code the JDK can name: " + code);
		}
		return new Language(normalized, new LocalizedText(german, english));
	}

}
