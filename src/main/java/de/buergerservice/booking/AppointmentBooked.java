package de.buergerservice.booking;

import java.time.Instant;

import de.buergerservice.shared.Sealed;
import org.jspecify.annotations.Nullable;

/**
 * An appointment was booked. If the citizen must confirm by e-mail, its status is
 * {@link AppointmentStatus#AWAITING_CONFIRMATION}, the confirmation token is given and
 * the capacity is held until {@code holdExpiresAt}; otherwise it is confirmed.
 *
 * @param manageToken the private manage link's token, sealed
 * @param confirmToken the confirmation link's token, sealed; only while awaiting
 * confirmation
 * @param waitingListOffer whether it is an offer to a citizen on the waiting list
 */
public record AppointmentBooked(AppointmentDetails appointment, AppointmentStatus status, Sealed manageToken,
		@Nullable Sealed confirmToken, @Nullable Instant holdExpiresAt, boolean waitingListOffer) {

}
