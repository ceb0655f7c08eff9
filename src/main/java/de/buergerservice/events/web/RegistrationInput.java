package de.buergerservice.events.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventException;
import de.buergerservice.events.Participant;
import de.buergerservice.shared.Email;
import org.jspecify.annotations.Nullable;

/**
 * Checks what a citizen sent to register, from the API or a page, and reports every
 * problem at once, each with the field it concerns.
 */
final class RegistrationInput {

	private RegistrationInput() {
	}

	/**
	 * The participant, in the language asked for (or the request's).
	 * @throws EventException.Invalid with every problem found
	 */
	static Participant participant(@Nullable String name, @Nullable String email, @Nullable String language,
			Locale locale, List<EventException.Problem> problems) {
		List<EventException.Problem> found = new ArrayList<>(problems);
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			found.add(problem("name", "events.error.name.required"));
		}
		else if (trimmed.length() > Participant.MAX_NAME) {
			found.add(problem("name", "events.error.name.tooLong", Participant.MAX_NAME));
		}
		if (email == null || email.isBlank()) {
			found.add(problem("email", "events.error.email.required"));
		}
		else if (!Email.isValid(email)) {
			found.add(problem("email", "events.error.email.invalid"));
		}
		Locale chosen = locale;
		if (language != null) {
			if (language.equals("de") || language.equals("en")) {
				chosen = Locale.forLanguageTag(language);
			}
			else {
				found.add(problem("language", "events.error.language"));
			}
		}
		if (!found.isEmpty()) {
			throw new EventException.Invalid(found);
		}
		return new Participant(trimmed, Email.of(email), chosen);
	}

	/**
	 * What is wrong with the chosen session, so that it is reported with the other
	 * problems: none chosen where the event has several, or one it does not have.
	 */
	static List<EventException.Problem> session(Event event, @Nullable Integer session) {
		if (session == null) {
			return event.sessions().size() > 1 ? List.of(problem("session", "events.error.session.missing"))
					: List.of();
		}
		return event.session(session).isPresent() ? List.of()
				: List.of(problem("session", "events.error.session.unknown", session));
	}

	static EventException.Problem problem(String field, String key, Object... arguments) {
		return new EventException.Problem(field, key, List.of(arguments));
	}

}
