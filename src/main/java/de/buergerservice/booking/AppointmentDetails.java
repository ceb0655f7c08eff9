package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * What every appointment event says about the appointment: enough for a mail, a display
 * or a statistic without asking back.
 */
public record AppointmentDetails(AppointmentReference reference, LocationId location, Instant start, Instant end,
		List<VisitItem> items, Citizen citizen, Channel channel, @Nullable String interpreterLanguage) {

	public AppointmentDetails {
		items = List.copyOf(items);
	}

	/** Details of an appointment without an interpreter. */
	public AppointmentDetails(AppointmentReference reference, LocationId location, Instant start, Instant end,
			List<VisitItem> items, Citizen citizen, Channel channel) {
		this(reference, location, start, end, items, citizen, channel, null);
	}

}
