package de.buergerservice.events.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.events.EventException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The problems of the registration form in the citizen's language, as its error summary
 * lists them (each a link to its field) and as each field shows its own. The service
 * names fields as the API does; the form's fields have German ids.
 */
record FormErrors(List<Entry> entries) {

	private static final Map<String, String> FIELDS = Map.of("session", "termin");

	FormErrors {
		entries = List.copyOf(entries);
	}

	static FormErrors none() {
		return new FormErrors(List.of());
	}

	static FormErrors of(List<EventException.Problem> problems, MessageSource messages, Locale locale) {
		return new FormErrors(problems.stream()
			.map(problem -> new Entry(FIELDS.getOrDefault(problem.field(), problem.field()),
					messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(),
							locale)))
			.distinct()
			.toList());
	}

	public boolean any() {
		return !entries.isEmpty();
	}

	public boolean has(String field) {
		return entries.stream().anyMatch(entry -> entry.field().equals(field));
	}

	/** The messages of one field, or {@code null}. */
	public @Nullable String message(String field) {
		String text = entries.stream()
			.filter(entry -> entry.field().equals(field))
			.map(Entry::message)
			.collect(Collectors.joining(" "));
		return text.isEmpty() ? null : text;
	}

	/** One problem: the id of the field it concerns and what to do. */
	record Entry(String field, String message) {
	}

}
