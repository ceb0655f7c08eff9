package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import de.buergerservice.booking.Slot;
import de.buergerservice.locations.LocationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Anywhere" merges the offices' slots of a day: earliest first, at the same time by the
 * office's id, no more than asked for.
 */
class EarliestSlotsTest {

	private static final Instant NINE = Instant.parse("2027-01-11T08:00:00Z");

	@Test
	void mergesTheOfficesEarliestFirstAndTiesByOffice() {
		List<Slot> north = List.of(slot("north", 0), slot("north", 10), slot("north", 40));
		List<Slot> east = List.of(slot("east", 10), slot("east", 20));
		List<Slot> south = List.of(slot("south", 5));

		assertThat(AvailabilityService.earliest(List.of(north, List.of(), east, south), 4))
			.containsExactly(slot("north", 0), slot("south", 5), slot("east", 10), slot("north", 10));
	}

	@Test
	void givesAllThereIsWhenAskedForMore() {
		List<Slot> north = List.of(slot("north", 0), slot("north", 15));

		assertThat(AvailabilityService.earliest(List.of(north, List.of(slot("east", 5))), 20))
			.containsExactly(slot("north", 0), slot("east", 5), slot("north", 15));
		assertThat(AvailabilityService.earliest(List.of(north), 0)).isEmpty();
		assertThat(AvailabilityService.earliest(List.of(), 20)).isEmpty();
	}

	private static Slot slot(String office, int minutes) {
		Instant start = NINE.plus(Duration.ofMinutes(minutes));
		return new Slot(LocationId.of(office), start, start.plus(Duration.ofMinutes(15)), 1);
	}

}
