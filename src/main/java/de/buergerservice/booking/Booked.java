package de.buergerservice.booking;

/**
 * A booking that succeeded, with the private token for the manage link (given out once:
 * only its hash is stored).
 */
public record Booked(Appointment appointment, AccessToken manageToken) {

}
