package de.buergerservice.interpreting;

import java.time.Instant;

import de.buergerservice.booking.AppointmentReference;

/**
 * An interpreted consultation took place: the minutes the interpreter worked, for the
 * city's account and the statistics.
 */
public record InterpreterSessionRecorded(AppointmentReference reference, String interpreterId, String language,
		int minutes, Instant at) {

}
