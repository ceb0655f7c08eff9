package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.LocationRules;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.TimeRange;

/**
 * The capacity of one location on one day: its grid units (instants, so that the 23- and
 * 25-hour days of daylight saving time come out right) and, per pool and channel, how
 * many visits may start or run in each unit.
 * <p>
 * Each unit has one seat per counter of a pool. Seats go to the channels by smooth
 * weighted round robin over the whole day, so every unit's seats add up to the pool's
 * counters and each channel gets its share of the day to within one seat. Of the newest
 * day only the first {@code fraction} of its units are released for the online and phone
 * channels (the walk-in channel is never held back).
 */
record DayPlan(LocalDate date, int gridMinutes, List<Instant> units, Map<PoolId, Map<Channel, int[]>> capacity) {

	static DayPlan plan(LocalDate date, List<TimeRange> hours, ZoneId zone, int gridMinutes, Collection<Pool> pools,
			LocationRules rules, double fraction) {
		List<Instant> units = units(date, hours, zone, gridMinutes);
		int released = (int) Math.ceil(fraction * units.size() - 1e-9);
		Map<PoolId, Map<Channel, int[]>> capacity = new LinkedHashMap<>();
		for (Pool pool : pools) {
			Map<Channel, int[]> seats = seats(pool.counters(), units.size(), rules);
			for (Channel channel : List.of(Channel.ONLINE, Channel.PHONE)) {
				int[] values = seats.get(channel);
				for (int i = released; i < values.length; i++) {
					values[i] = 0;
				}
			}
			capacity.put(pool.id(), seats);
		}
		return new DayPlan(date, gridMinutes, List.copyOf(units), capacity);
	}

	/** The start of every grid unit that fits wholly into the opening hours. */
	static List<Instant> units(LocalDate date, List<TimeRange> hours, ZoneId zone, int gridMinutes) {
		Duration grid = Duration.ofMinutes(gridMinutes);
		List<Instant> units = new ArrayList<>();
		for (TimeRange range : hours) {
			Instant end = ZonedDateTime.of(date, range.closes(), zone).toInstant();
			for (Instant unit = ZonedDateTime.of(date, range.opens(), zone).toInstant(); !unit.plus(grid)
				.isAfter(end); unit = unit.plus(grid)) {
				units.add(unit);
			}
		}
		return units;
	}

	/**
	 * Splits the seats of every unit between the channels, their shares kept over the
	 * day.
	 */
	static Map<Channel, int[]> seats(int counters, int units, LocationRules rules) {
		Map<Channel, int[]> seats = new EnumMap<>(Channel.class);
		Map<Channel, Integer> credit = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			seats.put(channel, new int[units]);
			credit.put(channel, 0);
		}
		for (int unit = 0; unit < units; unit++) {
			for (int seat = 0; seat < counters; seat++) {
				Channel best = null;
				for (Channel channel : Channel.values()) {
					int share = rules.percent(channel);
					if (share == 0) {
						continue;
					}
					credit.merge(channel, share, Integer::sum);
					if (best == null || credit.get(channel) > credit.get(best)) {
						best = channel;
					}
				}
				credit.merge(best, -100, Integer::sum);
				seats.get(best)[unit]++;
			}
		}
		return seats;
	}

	/** Whether the units from {@code first} on follow each other without a gap. */
	boolean contiguous(int first, int count) {
		if (first < 0 || first + count > units.size()) {
			return false;
		}
		long step = gridMinutes * 60L;
		for (int i = 1; i < count; i++) {
			if (units.get(first + i).getEpochSecond() - units.get(first + i - 1).getEpochSecond() != step) {
				return false;
			}
		}
		return true;
	}

}
