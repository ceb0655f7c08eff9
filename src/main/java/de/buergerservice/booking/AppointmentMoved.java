package de.buergerservice.booking;

import java.time.Instant;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Sealed;

/**
 * An appointment moved to another time (and perhaps location); the old time is free
 * again.
 */
public record AppointmentMoved(AppointmentDetails appointment, LocationId previousLocation, Instant previousStart,
		Sealed manageToken) {

}
