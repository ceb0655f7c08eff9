package de.buergerservice.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The problems of a form in the reader's language, as its error summary lists them (each
 * a link to its field) and as each field shows its own. Modules name fields as their API
 * does ({@code citizen.email}); a page's fields have German ids, given as a map.
 */
public record FieldErrors(List<Entry> entries) {

	public FieldErrors {
		entries = List.copyOf(entries);
	}

	public static FieldErrors none() {
		return new FieldErrors(List.of());
	}

	/**
	 * The problems' messages, each under the page's id for its field (the field's own
	 * name where the map has none), without repeats.
	 */
	public static FieldErrors of(List<? extends FieldProblem> problems, Map<String, String> fieldIds,
			MessageSource messages, Locale locale) {
		return new FieldErrors(problems.stream()
			.map(problem -> new Entry(fieldIds.getOrDefault(problem.field(), problem.field()),
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
	public record Entry(String field, String message) {
	}

}
