package de.buergerservice.frontdesk;

import java.time.Instant;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * A called citizen did not come to the counter.
 */
public record CitizenNoShow(LocationId location, String number, TicketKind kind, @Nullable String appointmentReference,
		Instant at) {

}
