package de.buergerservice.events;

import de.buergerservice.shared.Sealed;
import org.jspecify.annotations.Nullable;

/**
 * A citizen confirmed their registration: the seat is theirs.
 *
 * @param manageToken a fresh private link token, sealed
 * @param joinLink the online event's join link, sealed; {@code null} on site
 */
public record EventRegistrationConfirmed(RegistrationDetails registration, Sealed manageToken,
		@Nullable Sealed joinLink) {

}
