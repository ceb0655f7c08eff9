package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.LocationId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar counts a day's start times from runs of units with a seat free: as many as
 * walking them one by one finds, for any seats, bookings beyond the seats, gaps between
 * units (a lunch break), visit lengths and earliest starts.
 */
class CalendarCountTest {

	private static final Instant EIGHT = Instant.parse("2027-01-11T07:00:00Z");

	private static final int GRID = 5;

	@Property
	void countsAsManyStartTimesAsWalkingThemFinds(@ForAll @IntRange(min = 1, max = 60) int size,
			@ForAll @IntRange(min = 1, max = 3) int pools, @ForAll @IntRange(min = 1, max = 5) int units,
			@ForAll @IntRange(min = 0, max = 70) int earliestUnit, @ForAll long seed) {
		Random random = new Random(seed);
		List<Instant> starts = new ArrayList<>();
		Instant start = EIGHT;
		for (int unit = 0; unit < size; unit++) {
			starts.add(start);
			start = start.plusSeconds(GRID * 60L * (random.nextInt(8) == 0 ? 2 + random.nextInt(6) : 1));
		}
		List<CapacityStore.Row> rows = new ArrayList<>();
		for (int pool = 0; pool < pools; pool++) {
			for (Instant unit : starts) {
				rows.add(new CapacityStore.Row(new PoolId("pool-" + pool), Channel.ONLINE, unit, random.nextInt(3),
						random.nextInt(3), 1));
			}
		}
		DayCapacity day = DayCapacity.of(LocalDate.of(2027, 1, 11), GRID, rows, 0);
		DayCapacity.Free[] free = new DayCapacity.Free[pools];
		for (int pool = 0; pool < pools; pool++) {
			free[pool] = day.free(new PoolId("pool-" + pool), Channel.ONLINE);
		}
		Instant earliest = EIGHT.plusSeconds(GRID * 60L * earliestUnit);

		int walked = 0;
		var walking = times(day, free, units, earliest);
		while (walking.next()) {
			walked++;
		}

		assertThat(times(day, free, units, earliest).count()).isEqualTo(walked);
	}

	private static AvailabilityService.DayStartTimes times(DayCapacity day, DayCapacity.Free[] free, int units,
			Instant earliest) {
		return new AvailabilityService.DayStartTimes(LocationId.of("office"), day, free, units, earliest,
				AvailabilityService.ANY_TIME);
	}

}
