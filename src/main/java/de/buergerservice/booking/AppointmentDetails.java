package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;

/**
 * What every appointment event says about the appointment: enough for a mail, a display
 * or a statistic without asking back.
 */
public record AppointmentDetails(AppointmentReference reference, LocationId location, Instant start, Instant end,
		List<VisitItem> items, Citizen citizen, Channel channel) {

	public AppointmentDetails {
		items = List.copyOf(items);
	}

}
