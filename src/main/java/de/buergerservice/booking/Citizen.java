package de.buergerservice.booking;

import java.util.Locale;

import de.buergerservice.shared.Email;
import org.jspecify.annotations.Nullable;

/**
 * Who an appointment is for and how to reach them; {@code language} is the language of
 * every mail they get.
 *
 * @param email where their mails go; {@code null} for a caller or visitor without one
 * (booked by phone or at the counter), who then gets no mail: online bookings and the
 * waiting list need one
 */
public record Citizen(String name, @Nullable Email email, @Nullable String phone, Locale language) {

	public static final int MAX_NAME = 100;

	public static final int MAX_PHONE = 30;

	public Citizen {
		name = name.strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new IllegalArgumentException("A name has 1 to " + MAX_NAME + " characters");
		}
		if (phone != null) {
			phone = phone.strip();
			if (phone.isEmpty()) {
				phone = null;
			}
			else if (phone.length() > MAX_PHONE || !phone.matches("[+0-9 ()/-]+")) {
				throw new IllegalArgumentException("Not a phone number");
			}
		}
		language = "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
	}

}
