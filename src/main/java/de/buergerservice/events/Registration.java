package de.buergerservice.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A registration as its holder sees it.
 *
 * @param holdExpiresAt until when an unconfirmed registration holds its seat
 * @param waitingPosition the place on the waiting list (1 = next), while waiting
 */
public record Registration(RegistrationDetails details, RegistrationStatus status, @Nullable Instant holdExpiresAt,
		@Nullable Integer waitingPosition) {

	public RegistrationReference reference() {
		return details.reference();
	}

}
