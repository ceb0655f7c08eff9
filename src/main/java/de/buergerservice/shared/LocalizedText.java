package de.buergerservice.shared;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * A text the city publishes in German and English. German is the authoritative version;
 * English falls back to German where a translation is missing.
 */
public record LocalizedText(String de, String en) {

	public LocalizedText {
		Assert.hasText(de, "German text must not be empty");
		en = (en == null || en.isBlank()) ? de : en;
	}

	public static LocalizedText of(String de, String en) {
		return new LocalizedText(de, en);
	}

	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) ? en : de;
	}

}
