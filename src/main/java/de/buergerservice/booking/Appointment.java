package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * An appointment as its citizen sees it.
 */
public record Appointment(AppointmentReference reference, AppointmentStatus status, LocationId location, Instant start,
		Instant end, List<VisitItem> items, Citizen citizen, Channel channel, @Nullable Instant holdExpiresAt,
		@Nullable String interpreterLanguage) {

	public Appointment {
		items = List.copyOf(items);
	}

	/** An appointment without an interpreter. */
	public Appointment(AppointmentReference reference, AppointmentStatus status, LocationId location, Instant start,
			Instant end, List<VisitItem> items, Citizen citizen, Channel channel, @Nullable Instant holdExpiresAt) {
		this(reference, status, location, start, end, items, citizen, channel, holdExpiresAt, null);
	}

	public AppointmentDetails details() {
		return new AppointmentDetails(reference, location, start, end, items, citizen, channel, interpreterLanguage);
	}

}
