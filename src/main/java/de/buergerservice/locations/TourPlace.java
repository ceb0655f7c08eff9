package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import de.buergerservice.shared.LocalizedText;

/**
 * A place the mobile kit visits (a library, a savings-bank branch) and when it is there.
 */
public record TourPlace(String id, LocalizedText name, Address address, Accessibility accessibility,
		List<TourVisit> visits) {

	public TourPlace {
		visits = List.copyOf(visits);
	}

	public Optional<TourVisit> visitOn(LocalDate date) {
		return visits.stream().filter(visit -> visit.occursOn(date)).findFirst();
	}

}
