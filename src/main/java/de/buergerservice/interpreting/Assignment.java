package de.buergerservice.interpreting;

import java.net.URI;
import java.time.Instant;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.locations.LocationId;

/**
 * The interpreter taken with an appointment, and the video session both join: its link is
 * unguessable (128 random bits) and the same for the appointment's whole life.
 *
 * @param active false once the appointment is cancelled or lapsed
 */
public record Assignment(AppointmentReference reference, LocationId location, String interpreterId,
		String interpreterName, String interpreterEmail, Language language, Instant start, Instant end,
		URI videoSession, boolean active) {

}
