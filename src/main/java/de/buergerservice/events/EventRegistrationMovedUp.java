package de.buergerservice.events;

import java.time.Instant;

import de.buergerservice.shared.Sealed;

/**
 * A seat became free and went to the first on the waiting list: held for them until
 * {@code holdExpiresAt}, to be confirmed with the sealed token.
 */
public record EventRegistrationMovedUp(RegistrationDetails registration, Sealed confirmToken, Sealed manageToken,
		Instant holdExpiresAt) {

}
