package de.buergerservice.booking;

import java.time.Instant;

import de.buergerservice.locations.LocationId;

/**
 * A start time at which a whole visit fits, and how many more such visits could still be
 * booked there then.
 */
public record Slot(LocationId location, Instant start, Instant end, int free) {

}
