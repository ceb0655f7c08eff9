package de.buergerservice.events;

import java.time.Instant;

import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A registration as the events about it carry it: who, for which event and session, when
 * and where. The join link is not part of it (events carry it sealed where a mail needs
 * it).
 */
public record RegistrationDetails(RegistrationReference reference, EventId event, EventKind kind, LocalizedText title,
		int session, Instant start, Instant end, boolean online, @Nullable LocalizedText venue,
		@Nullable String address, Participant participant) {

}
