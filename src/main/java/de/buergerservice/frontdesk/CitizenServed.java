package de.buergerservice.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * A citizen was served: the procedures actually done, how long they waited (from arrival,
 * or from the appointment's start if they came early, to the call) and how long the
 * counter took.
 */
public record CitizenServed(LocationId location, String number, TicketKind kind, @Nullable String appointmentReference,
		List<ProcedureId> procedures, Duration waitingTime, Duration handlingTime, Instant at) {

	public CitizenServed {
		procedures = List.copyOf(procedures);
	}

}
