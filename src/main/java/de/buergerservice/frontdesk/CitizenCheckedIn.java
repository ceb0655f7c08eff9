package de.buergerservice.frontdesk;

import java.time.Instant;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * A citizen arrived: checked in with an appointment, or given a walk-in ticket.
 *
 * @param dueAt the appointment's start; {@code null} for walk-ins
 */
public record CitizenCheckedIn(LocationId location, String number, TicketKind kind,
		@Nullable String appointmentReference, Instant at, @Nullable Instant dueAt) {

}
