package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.LocationRules;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.ReleaseMode;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.shared.ProcedureId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity arithmetic holds for any counters, shares, grids, hours and released
 * fractions.
 */
class CapacityArithmeticTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocationId OFFICE = LocationId.of("office");

	@Property
	void everyReleasedUnitHasExactlyOneSeatPerCounter(@ForAll @IntRange(min = 1, max = 40) int counters,
			@ForAll("shares") Map<Channel, Integer> shares, @ForAll("grids") int grid) {
		DayPlan plan = plan(counters, shares, grid, 1.0);

		int[] sum = new int[plan.units().size()];
		plan.capacity().values().iterator().next().values().forEach(seats -> {
			for (int unit = 0; unit < seats.length; unit++) {
				sum[unit] += seats[unit];
			}
		});
		assertThat(sum).containsOnly(counters);
	}

	@Property
	void everyChannelGetsItsShareOfTheDayToWithinOneSeat(@ForAll @IntRange(min = 1, max = 40) int counters,
			@ForAll("shares") Map<Channel, Integer> shares, @ForAll("grids") int grid) {
		DayPlan plan = plan(counters, shares, grid, 1.0);
		int seats = counters * plan.units().size();

		plan.capacity().values().iterator().next().forEach((channel, capacity) -> {
			double expected = seats * shares.get(channel) / 100.0;
			assertThat((double) Arrays.stream(capacity).sum()).as(channel.name())
				.isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
		});
	}

	@Property
	void holdsBackTheUnreleasedPartOfTheNewestDayForOnlineAndPhoneOnly(
			@ForAll @IntRange(min = 1, max = 12) int counters, @ForAll("shares") Map<Channel, Integer> shares,
			@ForAll("fractions") double fraction) {
		DayPlan plan = plan(counters, shares, 5, fraction);
		DayPlan full = plan(counters, shares, 5, 1.0);
		int released = (int) Math.ceil(fraction * plan.units().size() - 1e-9);
		Map<Channel, int[]> partial = plan.capacity().values().iterator().next();
		Map<Channel, int[]> whole = full.capacity().values().iterator().next();

		for (Channel channel : List.of(Channel.ONLINE, Channel.PHONE)) {
			int[] seats = partial.get(channel);
			assertThat(Arrays.stream(seats, released, seats.length).allMatch(value -> value == 0)).as(channel.name())
				.isTrue();
			assertThat(Arrays.copyOfRange(seats, 0, released))
				.containsExactly(Arrays.copyOfRange(whole.get(channel), 0, released));
		}
		assertThat(partial.get(Channel.COUNTER)).containsExactly(whole.get(Channel.COUNTER));
	}

	@Property
	void placesUnitsOnTheGridWithinTheOpeningHoursWithoutGapsInside(@ForAll("grids") int grid,
			@ForAll @IntRange(min = 6, max = 11) int opens, @ForAll @IntRange(min = 1, max = 8) int hours) {
		LocalDate day = LocalDate.of(2026, 12, 1);
		var range = new TimeRange(LocalTime.of(opens, 0), LocalTime.of(opens + hours, 0));

		var units = DayPlan.units(day, List.of(range), BERLIN, grid);

		assertThat(units).hasSize(hours * 60 / grid);
		assertThat(units.getFirst()).isEqualTo(day.atTime(opens, 0).atZone(BERLIN).toInstant());
		for (int i = 1; i < units.size(); i++) {
			assertThat(Duration.between(units.get(i - 1), units.get(i))).isEqualTo(Duration.ofMinutes(grid));
		}
	}

	@Property
	void countsTheUnitsOfDaylightSavingDaysByTheRealTime(@ForAll("grids") int grid) {
		var night = new TimeRange(LocalTime.of(0, 0), LocalTime.of(4, 0));

		var spring = DayPlan.units(LocalDate.of(2026, 3, 29), List.of(night), BERLIN, grid);
		var autumn = DayPlan.units(LocalDate.of(2026, 10, 25), List.of(night), BERLIN, grid);

		assertThat(spring).as("29 March 2026: 00:00-04:00 lasts 3 hours")
			.hasSize(3 * 60 / grid)
			.doesNotHaveDuplicates();
		assertThat(autumn).as("25 October 2026: 00:00-04:00 lasts 5 hours")
			.hasSize(5 * 60 / grid)
			.doesNotHaveDuplicates();
		assertThat(autumn).isSorted();
	}

	@Provide
	Arbitrary<Map<Channel, Integer>> shares() {
		return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100))
			.filter((online, phone) -> online + phone <= 100)
			.as((online, phone) -> Map.of(Channel.ONLINE, online, Channel.PHONE, phone, Channel.COUNTER,
					100 - online - phone));
	}

	@Provide
	Arbitrary<Integer> grids() {
		return Arbitraries.of(5, 10, 15, 20, 30);
	}

	@Provide
	Arbitrary<Double> fractions() {
		return Arbitraries.of(0.0, 1.0 / 3, 0.5, 2.0 / 3, 1.0);
	}

	private static DayPlan plan(int counters, Map<Channel, Integer> shares, int grid, double fraction) {
		LocationRules rules = new LocationRules(OFFICE, 42, ReleaseMode.ROLLING, List.of(), null, 0, shares);
		Pool pool = Pool.of(OFFICE, List.of(ProcedureId.of("personalausweis-beantragen")), counters);
		return DayPlan.plan(LocalDate.of(2026, 12, 1),
				List.of(TimeRange.parse("08:00-12:00"), TimeRange.parse("13:00-18:00")), BERLIN, grid, List.of(pool),
				rules, fraction);
	}

}
