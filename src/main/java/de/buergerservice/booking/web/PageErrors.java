package de.buergerservice.booking.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.booking.BookingException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The problems of a page in the citizen's language, as its error summary lists them (each
 * a link to its field) and as each field shows its own. Booking names fields as the API
 * does ({@code citizen.email}); the pages' fields have German names and ids.
 */
record PageErrors(List<Entry> entries) {

	/** The API's field names and the pages' field ids. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("citizen.name", "name"),
			Map.entry("citizen.email", "email"), Map.entry("citizen.phone", "telefon"),
			Map.entry("language", "sprache"), Map.entry("procedures", "leistungen"),
			Map.entry("procedure", "leistungen"), Map.entry("quantities", "leistungen"),
			Map.entry("quantity", "leistungen"), Map.entry("location", "ort"), Map.entry("locations", "orte"),
			Map.entry("from", "von"), Map.entry("to", "bis"), Map.entry("start", "zeit"));

	PageErrors {
		entries = List.copyOf(entries);
	}

	static PageErrors none() {
		return new PageErrors(List.of());
	}

	static PageErrors of(List<BookingException.Problem> problems, MessageSource messages, Locale locale) {
		return new PageErrors(problems.stream()
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
