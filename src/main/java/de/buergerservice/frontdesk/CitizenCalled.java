package de.buergerservice.frontdesk;

import java.time.Instant;

import de.buergerservice.locations.LocationId;

/**
 * A ticket was called to a counter (again, if {@code callCount} is more than one).
 */
public record CitizenCalled(LocationId location, String number, TicketKind kind, String counterName, Instant at,
		int callCount) {

}
