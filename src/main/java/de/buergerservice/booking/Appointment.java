package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * An appointment as its citizen sees it.
 */
public record Appointment(AppointmentReference reference, AppointmentStatus status, LocationId location, Instant start,
		Instant end, List<VisitItem> items, Citizen citizen, Channel channel, @Nullable Instant holdExpiresAt) {

	public Appointment {
		items = List.copyOf(items);
	}

	public AppointmentDetails details() {
		return new AppointmentDetails(reference, location, start, end, items, citizen, channel);
	}

}
