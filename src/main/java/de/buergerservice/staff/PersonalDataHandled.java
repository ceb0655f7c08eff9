package de.buergerservice.staff;

import java.time.Instant;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff did something with a citizen's personal data: looked up, checked in,
 * called, served, booked, cancelled. Any module publishes it in the transaction of the
 * action; the audit log records who, what, when, where and which appointment or ticket.
 *
 * @param subject the appointment's booking reference or the ticket's number
 */
public record PersonalDataHandled(String actor, String action, String subject, @Nullable LocationId location,
		Instant at, @Nullable String detail) {

}
