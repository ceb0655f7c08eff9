package de.buergerservice.events;

import java.util.Locale;

import de.buergerservice.shared.Email;

/**
 * Who registered and how to reach them; {@code language} is the language of their mails.
 */
public record Participant(String name, Email email, Locale language) {

	public static final int MAX_NAME = 100;

	public Participant {
		name = name.strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new IllegalArgumentException("A name has 1 to " + MAX_NAME + " characters");
		}
		language = "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
	}

	@Override
	public String toString() {
		return "Participant[…]";
	}

}
