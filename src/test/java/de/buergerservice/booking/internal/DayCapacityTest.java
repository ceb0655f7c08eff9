package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day in memory takes each change of booked seats once, and never an older one over a
 * newer, whichever path and order the changes arrive by; it tells whether a pool has room
 * for a visit over several units.
 */
class DayCapacityTest {

	private static final PoolId POOL = new PoolId("pool");

	private static final Instant NINE = Instant.parse("2026-11-26T08:00:00Z");

	private static final Instant NINE_TEN = NINE.plusSeconds(600);

	@Test
	void takesTheBookedSeatsOfTheNewestChange() {
		DayCapacity day = day(3, 0, 7);

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 1, 8), unit(NINE_TEN, 1, 8)));

		assertThat(day.free(POOL, Channel.ONLINE).at(0)).isEqualTo(2);
		assertThat(day.free(POOL, Channel.ONLINE).at(1)).isEqualTo(2);
	}

	@Test
	void aChangeHeardTwiceCountsOnce() {
		DayCapacity day = day(3, 0, 7);
		CapacityStore.Unit booked = unit(NINE, 1, 8);

		day.apply(POOL, Channel.ONLINE, List.of(booked));
		day.apply(POOL, Channel.ONLINE, List.of(booked));

		assertThat(day.free(POOL, Channel.ONLINE).at(0)).isEqualTo(2);
	}

	@Test
	void anOlderChangeArrivingLateDoesNotUndoANewerOne() {
		DayCapacity day = day(3, 0, 7);

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 2, 9)));
		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 1, 8)));

		assertThat(day.free(POOL, Channel.ONLINE).at(0)).isEqualTo(1);
	}

	@Test
	void aChangeAlreadyInWhatWasReadIsIgnored() {
		DayCapacity day = day(3, 2, 9);

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 1, 8)));

		assertThat(day.free(POOL, Channel.ONLINE).at(0)).isEqualTo(1);
	}

	@Test
	void changesOfAnotherChannelOrUnknownUnitsChangeNothing() {
		DayCapacity day = day(3, 0, 7);

		day.apply(POOL, Channel.PHONE, List.of(unit(NINE, 3, 8)));
		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE.plusSeconds(3600), 3, 8)));
		day.apply(new PoolId("other"), Channel.ONLINE, List.of(unit(NINE, 3, 8)));

		assertThat(day.free(POOL, Channel.ONLINE).at(0)).isEqualTo(3);
		assertThat(day.free(POOL, Channel.ONLINE).at(1)).isEqualTo(3);
	}

	@Test
	void aPoolHasRoomOnlyWhereEveryUnitOfTheVisitHasASeatFree() {
		DayCapacity day = day(2, 1, 7);
		assertThat(day.hasRoom(POOL, Channel.ONLINE, 0, 2)).isTrue();

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE_TEN, 2, 8)));

		assertThat(day.hasRoom(POOL, Channel.ONLINE, 0, 1)).isTrue();
		assertThat(day.hasRoom(POOL, Channel.ONLINE, 0, 2)).isFalse();
		assertThat(day.hasRoom(POOL, Channel.ONLINE, 1, 1)).isFalse();
	}

	@Test
	void noRoomInAnotherChannelAnUnknownPoolOrPastTheDay() {
		DayCapacity day = day(2, 0, 7);

		assertThat(day.hasRoom(POOL, Channel.PHONE, 0, 1)).isFalse();
		assertThat(day.hasRoom(new PoolId("other"), Channel.ONLINE, 0, 1)).isFalse();
		assertThat(day.hasRoom(POOL, Channel.ONLINE, 1, 2)).isFalse();
		assertThat(day.hasRoom(POOL, Channel.ONLINE, -1, 1)).isFalse();
	}

	@Test
	void aPoolWithMoreBookedThanSeatsTakesNothingFromAnother() {
		DayCapacity.Free overbooked = new DayCapacity.Free(new int[] { 1, 1, 1 }, new int[] { 3, 1, 0 });
		DayCapacity.Free open = new DayCapacity.Free(new int[] { 2, 2, 2 }, new int[] { 0, 1, 1 });

		assertThat(overbooked.fewest(0, 3)).isLessThanOrEqualTo(0);
		assertThat(open.fewest(0, 3)).isEqualTo(1);
		assertThat(AvailabilityService.visitsFrom(new DayCapacity.Free[] { overbooked, null, open }, 0, 3))
			.isEqualTo(1);
		assertThat(AvailabilityService.visitsFrom(new DayCapacity.Free[] { overbooked, open }, 2, 1)).isEqualTo(2);
	}

	@Test
	void findsEachPoolsSeatsByItsIdWhicheverObjectNamesIt() {
		PoolId first = new PoolId("first");
		PoolId second = new PoolId("second");
		PoolId third = new PoolId("third");
		DayCapacity day = DayCapacity.of(LocalDate.of(2026, 11, 26), 10,
				List.of(new CapacityStore.Row(new PoolId("first"), Channel.ONLINE, NINE, 1, 0, 1),
						new CapacityStore.Row(new PoolId("second"), Channel.ONLINE, NINE, 2, 0, 1),
						new CapacityStore.Row(new PoolId("third"), Channel.PHONE, NINE, 3, 0, 1)),
				List.of(first, second), 0);

		assertThat(day.free(first, Channel.ONLINE).at(0)).isEqualTo(1);
		assertThat(day.free(new PoolId("second"), Channel.ONLINE).at(0)).isEqualTo(2);
		assertThat(day.free(third, Channel.PHONE).at(0)).isEqualTo(3);
		assertThat(day.free(third, Channel.ONLINE)).isNull();
		assertThat(day.free(new PoolId("fourth"), Channel.ONLINE)).isNull();
	}

	@Test
	void aCountIsRememberedForTheSameQuestionUntilTheDaysBookedSeatsChange() {
		DayCapacity day = day(3, 0, 7);
		List<PoolId> pools = List.of(POOL);
		AtomicInteger counted = new AtomicInteger();
		IntSupplier count = () -> 10 * counted.incrementAndGet();

		assertThat(day.counted(pools, 2, Channel.ONLINE, count)).isEqualTo(10);
		assertThat(day.counted(pools, 2, Channel.ONLINE, count)).as("remembered").isEqualTo(10);
		assertThat(day.counted(List.of(POOL), 2, Channel.ONLINE, count)).as("the same pools in another list")
			.isEqualTo(10);
		assertThat(day.counted(pools, 2, Channel.PHONE, count)).as("another channel").isEqualTo(20);
		assertThat(day.counted(List.of(new PoolId("pool")), 2, Channel.ONLINE, count)).as("other pool objects")
			.isEqualTo(30);
		assertThat(day.counted(pools, 3, Channel.ONLINE, count)).as("a longer visit").isEqualTo(40);

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 0, 6)));
		assertThat(day.counted(pools, 3, Channel.ONLINE, count)).as("an older change changes nothing").isEqualTo(40);

		day.apply(POOL, Channel.ONLINE, List.of(unit(NINE, 1, 8)));
		assertThat(day.counted(pools, 3, Channel.ONLINE, count)).as("counted again after a booking").isEqualTo(50);
		assertThat(counted).hasValue(5);
	}

	private static DayCapacity day(int capacity, int booked, long version) {
		return DayCapacity.of(LocalDate.of(2026, 11, 26), 10,
				List.of(new CapacityStore.Row(POOL, Channel.ONLINE, NINE, capacity, booked, version),
						new CapacityStore.Row(POOL, Channel.ONLINE, NINE_TEN, capacity, booked, version)),
				0);
	}

	private static CapacityStore.Unit unit(Instant start, int booked, long version) {
		return new CapacityStore.Unit(start, booked, version);
	}

}
