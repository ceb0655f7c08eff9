package de.buergerservice.booking;

import de.buergerservice.shared.Sealed;

/**
 * An appointment is coming up (by default in 24 hours): time to remind the citizen.
 * Carries a fresh manage token, sealed, for the link in the reminder.
 */
public record AppointmentReminderDue(AppointmentDetails appointment, Sealed manageToken) {

}
