package de.buergerservice.events;

import org.jspecify.annotations.Nullable;

/**
 * A citizen asks for a seat.
 *
 * @param session the session's number; may be left out when the event has only one
 */
public record RegistrationRequest(EventId event, @Nullable Integer session, Participant participant) {

}
