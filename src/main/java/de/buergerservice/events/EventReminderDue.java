package de.buergerservice.events;

import de.buergerservice.shared.Sealed;
import org.jspecify.annotations.Nullable;

/**
 * A confirmed participant's session is coming up: time to remind them, with the join link
 * of an online event.
 *
 * @param manageToken a fresh private link token, sealed
 * @param joinLink the join link, sealed; {@code null} on site
 */
public record EventReminderDue(RegistrationDetails registration, Sealed manageToken, @Nullable Sealed joinLink) {

}
