package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * A request to book a visit at one location and start time.
 *
 * @param client where the request came from (an IP address), for the rate limits
 * @param proofOfWork the solved challenge, where one is required
 * @param interpreterLanguage the language (ISO 639) of an interpreter to take with the
 * visit, for procedures that offer one; null for none
 */
public record BookingRequest(List<VisitItem> items, LocationId location, Instant start, Citizen citizen,
		Channel channel, String client, @Nullable String proofOfWork, @Nullable String interpreterLanguage) {

	public BookingRequest {
		items = List.copyOf(items);
	}

	/** A request without an interpreter. */
	public BookingRequest(List<VisitItem> items, LocationId location, Instant start, Citizen citizen, Channel channel,
			String client, @Nullable String proofOfWork) {
		this(items, location, start, citizen, channel, client, proofOfWork, null);
	}

}
