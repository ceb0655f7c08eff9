package de.buergerservice.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's ticket at a location on one day.
 *
 * @param dueAt the appointment's start (walk-ins have none)
 * @param passedTo the counter it was passed to, which calls it next
 */
public record Ticket(UUID id, LocationId location, LocalDate day, String number, TicketKind kind,
		@Nullable String appointmentReference, List<ProcedureId> procedures, @Nullable String citizenName,
		@Nullable Instant dueAt, Instant arrivedAt, TicketStatus status, @Nullable String counterId,
		@Nullable String counterName, @Nullable String passedTo, int callCount, @Nullable Instant calledAt,
		@Nullable Instant servingSince, @Nullable Instant finishedAt) {

	public Ticket {
		procedures = List.copyOf(procedures);
	}

}
