package de.buergerservice.booking;

import de.buergerservice.shared.Sealed;

/**
 * The citizen confirmed an appointment that awaited confirmation by e-mail.
 */
public record AppointmentConfirmed(AppointmentDetails appointment, Sealed manageToken) {

}
