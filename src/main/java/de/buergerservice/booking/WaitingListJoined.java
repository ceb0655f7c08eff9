package de.buergerservice.booking;

import java.time.LocalDate;
import java.util.List;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Sealed;

/**
 * A citizen joined the waiting list; the sealed token is for the link to leave it.
 */
public record WaitingListJoined(String reference, Citizen citizen, List<VisitItem> items, List<LocationId> locations,
		LocalDate firstDay, LocalDate lastDay, Sealed token) {

}
