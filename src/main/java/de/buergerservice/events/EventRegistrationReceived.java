package de.buergerservice.events;

import java.time.Instant;

import de.buergerservice.shared.Sealed;
import org.jspecify.annotations.Nullable;

/**
 * A citizen registered: with a seat held until {@code holdExpiresAt}, to be confirmed
 * with the sealed confirmation token; or on the waiting list at {@code waitingPosition}.
 *
 * @param manageToken the private link's token (view, cancel), sealed
 */
public record EventRegistrationReceived(RegistrationDetails registration, RegistrationStatus status, Sealed manageToken,
		@Nullable Sealed confirmToken, @Nullable Instant holdExpiresAt, @Nullable Integer waitingPosition) {

}
