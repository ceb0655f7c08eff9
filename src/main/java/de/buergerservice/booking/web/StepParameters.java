package de.buergerservice.booking.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The query parameters of the booking steps, as sent (German names, as in the addresses):
 * {@code leistung} (repeatable) and {@code anzahl} ({@code procedure:n}) for the
 * procedures, {@code lebenslage} to start from a life event, {@code ort} (a location or
 * {@code ueberall}), {@code ueberall=ja} when a time was found searching anywhere,
 * {@code monat} ({@code 2026-12}), {@code tag} ({@code 2026-12-01}), {@code zeit}
 * ({@code 08:30}), {@code dolmetschen} (the ISO 639 code of the language a video
 * interpreter is wanted in, for the procedures that offer one), and in move mode
 * {@code verschieben} (the reference) with {@code token}.
 */
record StepParameters(@Nullable List<String> leistung, @Nullable List<String> anzahl, @Nullable String lebenslage,
		@Nullable String ort, @Nullable String ueberall, @Nullable String monat, @Nullable String tag,
		@Nullable String zeit, @Nullable String verschieben, @Nullable String token, @Nullable String dolmetschen) {

	boolean moving() {
		return verschieben != null || token != null;
	}

}
