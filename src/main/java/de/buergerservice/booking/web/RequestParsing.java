package de.buergerservice.booking.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a client sent (strings, as received) into booking's types, collecting a
 * field error for everything that is wrong instead of stopping at the first.
 */
final class RequestParsing {

	/**
	 * Dates and times have a year of four digits ({@code JJJJ-MM-TT}, as the error says):
	 * ISO's signed years up to ±999,999,999 would overflow a day or two later in date
	 * arithmetic and do not fit into PostgreSQL's types.
	 */
	private static final int FIRST_YEAR = 1;

	private static final int LAST_YEAR = 9999;

	private final List<BookingException.Problem> problems = new ArrayList<>();

	void problem(String field, String key, Object... arguments) {
		problems.add(new BookingException.Problem(field, key, List.of(arguments)));
	}

	/**
	 * @throws BookingException.Invalid if anything was wrong
	 */
	void done() {
		if (!problems.isEmpty()) {
			throw new BookingException.Invalid(problems);
		}
	}

	List<VisitItem> items(String field, @Nullable List<String> procedures, @Nullable Map<String, ?> quantities) {
		if (procedures == null || procedures.isEmpty()) {
			problem(field, "booking.error.procedures.empty");
			return List.of();
		}
		Map<ProcedureId, Integer> items = new LinkedHashMap<>();
		for (String procedure : procedures) {
			if (!ProcedureId.isValid(procedure)) {
				problem(field, "booking.error.procedure.unknown", String.valueOf(procedure));
			}
			else if (items.putIfAbsent(ProcedureId.of(procedure), 1) != null) {
				problem(field, "booking.error.procedure.twice", procedure);
			}
		}
		if (quantities != null) {
			quantities.forEach((procedure, quantity) -> {
				Integer value = quantity instanceof Number number && number.doubleValue() == number.intValue()
						? number.intValue()
						: quantity instanceof String text && text.matches("\\d{1,3}") ? Integer.valueOf(text) : null;
				if (!ProcedureId.isValid(procedure) || !items.containsKey(ProcedureId.of(procedure)) || value == null
						|| value < 1) {
					problem("quantities", "booking.error.quantity.invalid");
				}
				else {
					items.put(ProcedureId.of(procedure), value);
				}
			});
		}
		return items.entrySet().stream().map(entry -> new VisitItem(entry.getKey(), entry.getValue())).toList();
	}

	/** Quantities given as {@code procedure:n} query parameters. */
	Map<String, String> quantities(@Nullable List<String> values) {
		Map<String, String> quantities = new LinkedHashMap<>();
		if (values != null) {
			for (String value : values) {
				String[] parts = value.split(":", 2);
				if (parts.length != 2) {
					problem("quantity", "booking.error.quantity.invalid");
				}
				else {
					quantities.put(parts[0], parts[1]);
				}
			}
		}
		return quantities;
	}

	@Nullable LocationId location(String field, @Nullable String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problem(field, "booking.error.required");
			}
			return null;
		}
		if (!LocationId.isValid(value)) {
			problem(field, "booking.error.location.unknown", value);
			return null;
		}
		return LocationId.of(value);
	}

	@Nullable Instant instant(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			problem(field, "booking.error.required");
			return null;
		}
		try {
			OffsetDateTime time = OffsetTimes.parse(value.strip());
			if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
				throw new DateTimeException("year outside " + FIRST_YEAR + "-" + LAST_YEAR);
			}
			return time.toInstant();
		}
		catch (DateTimeException ex) {
			problem(field, "booking.error.format.instant");
			return null;
		}
	}

	@Nullable LocalDate date(String field, @Nullable String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
				throw new DateTimeException("year outside " + FIRST_YEAR + "-" + LAST_YEAR);
			}
			return date;
		}
		catch (DateTimeException ex) {
			problem(field, "booking.error.format.date");
			return null;
		}
	}

	/** A citizen with an e-mail address, as online booking and the waiting list need. */
	@Nullable Citizen citizen(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String language,
			Locale fallback) {
		return citizen(name, email, phone, language, fallback, true);
	}

	/**
	 * A citizen; without {@code emailRequired} an empty e-mail address means none (a
	 * caller booked by phone).
	 */
	@Nullable Citizen citizen(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String language,
			Locale fallback, boolean emailRequired) {
		boolean valid = true;
		if (name == null || name.isBlank() || name.strip().length() > Citizen.MAX_NAME) {
			problem("citizen.name", "booking.error.name.length", Citizen.MAX_NAME);
			valid = false;
		}
		boolean noEmail = !emailRequired && (email == null || email.isBlank());
		if (!noEmail && !Email.isValid(email)) {
			problem("citizen.email", "booking.error.email.invalid");
			valid = false;
		}
		if (phone != null && !phone.isBlank()
				&& (phone.strip().length() > Citizen.MAX_PHONE || !phone.strip().matches("[+0-9 ()/-]+"))) {
			problem("citizen.phone", "booking.error.phone.invalid", Citizen.MAX_PHONE);
			valid = false;
		}
		Locale locale = fallback;
		if (language != null && !language.isBlank()) {
			if (!language.equals("de") && !language.equals("en")) {
				problem("language", "booking.error.language.invalid");
				valid = false;
			}
			else {
				locale = Locale.forLanguageTag(language);
			}
		}
		return valid ? new Citizen(name, noEmail ? null : Email.of(email), phone, locale) : null;
	}

}
