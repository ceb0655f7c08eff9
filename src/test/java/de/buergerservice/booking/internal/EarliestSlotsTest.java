package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import de.buergerservice.booking.Slot;
import de.buergerservice.locations.LocationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Anywhere" merges the offices' start times of a day: earliest first, at the same time
 * by the office's id, no more than asked for, and each office's walked only as far as
 * needed.
 */
class EarliestSlotsTest {

	private static final Instant NINE = Instant.parse("2027-01-11T08:00:00Z");

	@Test
	void mergesTheOfficesEarliestFirstAndTiesByOffice() {
		Listed north = listed(slot("north", 0), slot("north", 10), slot("north", 40));
		Listed east = listed(slot("east", 10), slot("east", 20));
		Listed south = listed(slot("south", 5));

		assertThat(AvailabilityService.earliest(List.of(north, listed(), east, south), 4))
			.containsExactly(slot("north", 0), slot("south", 5), slot("east", 10), slot("north", 10));
	}

	@Test
	void givesAllThereIsWhenAskedForMore() {
		assertThat(AvailabilityService
			.earliest(List.of(listed(slot("north", 0), slot("north", 15)), listed(slot("east", 5))), 20))
			.containsExactly(slot("north", 0), slot("east", 5), slot("north", 15));
		assertThat(AvailabilityService.earliest(List.of(listed(slot("north", 0))), 0)).isEmpty();
		assertThat(AvailabilityService.earliest(List.of(), 20)).isEmpty();
	}

	@Test
	void walksEachOfficeOnlyAsFarAsTheAnswerNeeds() {
		List<Listed> offices = IntStream.range(0, 45)
			.mapToObj(office -> listed(IntStream.range(0, 100)
				.mapToObj(time -> slot("office-%02d".formatted(office), office + 5 * time))
				.toArray(Slot[]::new)))
			.toList();

		assertThat(AvailabilityService.earliest(offices, 20)).hasSize(20);

		// each office's first time to order them, then one more for each time taken
		assertThat(offices.stream().mapToInt(office -> office.walked).sum()).isEqualTo(45 + 20);
	}

	private static Slot slot(String office, int minutes) {
		Instant start = NINE.plus(Duration.ofMinutes(minutes));
		return new Slot(LocationId.of(office), start, start.plus(Duration.ofMinutes(15)), 1);
	}

	private static Listed listed(Slot... slots) {
		return new Listed(List.of(slots).iterator());
	}

	/** An office's start times from a list, counting how many were walked. */
	private static final class Listed implements AvailabilityService.StartTimes {

		private final Iterator<Slot> slots;

		private Slot current;

		int walked;

		Listed(Iterator<Slot> slots) {
			this.slots = slots;
		}

		@Override
		public boolean next() {
			if (!slots.hasNext()) {
				return false;
			}
			current = slots.next();
			walked++;
			return true;
		}

		@Override
		public long second() {
			return current.start().getEpochSecond();
		}

		@Override
		public LocationId location() {
			return current.location();
		}

		@Override
		public Slot slot() {
			return current;
		}

	}

}
