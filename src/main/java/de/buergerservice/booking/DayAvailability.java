package de.buergerservice.booking;

import java.time.LocalDate;

/**
 * A day with room: on how many start times a whole visit fits.
 */
public record DayAvailability(LocalDate date, int slots) {

}
