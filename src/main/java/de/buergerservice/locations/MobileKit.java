package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import de.buergerservice.shared.LocalizedText;

/**
 * The Bürgerkoffer: its equipment and the places it visits on its tour. Which procedures
 * it can serve follows from its equipment and is recorded as the skills of its counter.
 */
public record MobileKit(List<LocalizedText> equipment, List<TourPlace> places) {

	public MobileKit {
		equipment = List.copyOf(equipment);
		places = List.copyOf(places);
	}

	/** Where the kit stops on a date, if anywhere. */
	public Optional<Stop> stopOn(LocalDate date) {
		for (TourPlace place : places) {
			var visit = place.visitOn(date);
			if (visit.isPresent()) {
				return Optional.of(new Stop(date, place, visit.get()));
			}
		}
		return Optional.empty();
	}

	/** The kit at one place on one date. */
	public record Stop(LocalDate date, TourPlace place, TourVisit visit) {

	}

}
