package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;

/**
 * One location's day in memory: its grid units and, per pool and channel, the seats and
 * how many are booked. Readers get consistent values without locks: an update replaces
 * the changed array.
 */
final class DayCapacity {

	private final LocalDate date;

	private final int gridMinutes;

	private final long[] units;

	private final Map<PoolId, Map<Channel, int[]>> capacity;

	private final Map<PoolId, Map<Channel, int[]>> booked;

	/** The number of the last change applied to each unit's booked seats. */
	private final Map<PoolId, Map<Channel, long[]>> versions;

	private final long loadedAt;

	/**
	 * Written after every update, read before every read: makes updates visible to
	 * readers.
	 */
	private volatile int version;

	private DayCapacity(LocalDate date, int gridMinutes, long[] units, Map<PoolId, Map<Channel, int[]>> capacity,
			Map<PoolId, Map<Channel, int[]>> booked, Map<PoolId, Map<Channel, long[]>> versions, long loadedAt) {
		this.date = date;
		this.gridMinutes = gridMinutes;
		this.units = units;
		this.capacity = capacity;
		this.booked = booked;
		this.versions = versions;
		this.loadedAt = loadedAt;
	}

	static DayCapacity of(LocalDate date, int gridMinutes, List<CapacityStore.Row> rows, long loadedAt) {
		long[] units = rows.stream().mapToLong(row -> row.start().getEpochSecond()).distinct().sorted().toArray();
		Map<PoolId, Map<Channel, int[]>> capacity = new HashMap<>();
		Map<PoolId, Map<Channel, int[]>> booked = new HashMap<>();
		Map<PoolId, Map<Channel, long[]>> versions = new HashMap<>();
		for (CapacityStore.Row row : rows) {
			int unit = Arrays.binarySearch(units, row.start().getEpochSecond());
			capacity.computeIfAbsent(row.pool(), pool -> new EnumMap<>(Channel.class))
				.computeIfAbsent(row.channel(), channel -> new int[units.length])[unit] = row.capacity();
			booked.computeIfAbsent(row.pool(), pool -> new EnumMap<>(Channel.class))
				.computeIfAbsent(row.channel(), channel -> new int[units.length])[unit] = row.booked();
			versions.computeIfAbsent(row.pool(), pool -> new EnumMap<>(Channel.class))
				.computeIfAbsent(row.channel(), channel -> new long[units.length])[unit] = row.version();
		}
		return new DayCapacity(date, gridMinutes, units, capacity, booked, versions, loadedAt);
	}

	LocalDate date() {
		return date;
	}

	long loadedAt() {
		return loadedAt;
	}

	int size() {
		return units.length;
	}

	Instant unit(int index) {
		return Instant.ofEpochSecond(units[index]);
	}

	/** The unit's start in seconds of the epoch. */
	long second(int index) {
		return units[index];
	}

	int gridMinutes() {
		return gridMinutes;
	}

	/**
	 * The seats still free in each unit of the day for the pool and channel, consistent
	 * (an update replaces the booked seats' array, it never changes one), or {@code null}
	 * where the pool has none: for readers that look at many units at once.
	 */
	Free free(PoolId pool, Channel channel) {
		int[] seats = seats(pool, channel);
		return seats == null ? null : new Free(seats, booked.get(pool).get(channel));
	}

	/**
	 * Whether the pool has a seat free for the channel in each of {@code count} units
	 * from {@code first} on, as far as this day knows.
	 */
	boolean hasRoom(PoolId pool, Channel channel, int first, int count) {
		Free free = free(pool, channel);
		return free != null && first >= 0 && first + count <= units.length && free.fewest(first, count) > 0;
	}

	/** The seats of the pool for the channel, {@code null} where it has none. */
	private int[] seats(PoolId pool, Channel channel) {
		if (version < 0) {
			return null;
		}
		Map<Channel, int[]> poolCapacity = capacity.get(pool);
		return poolCapacity == null ? null : poolCapacity.get(channel);
	}

	/** Whether the units from {@code first} on follow each other without a gap. */
	boolean contiguous(int first, int count) {
		if (first < 0 || first + count > units.length) {
			return false;
		}
		long step = gridMinutes * 60L;
		return units[first + count - 1] - units[first] == (count - 1) * step;
	}

	int indexOf(Instant start) {
		return Arrays.binarySearch(units, start.getEpochSecond());
	}

	/**
	 * Takes the booked seats of units after a committed change, unless a later change (by
	 * its number) is already applied: so each change counts once, in whatever order and
	 * by however many paths it arrives.
	 */
	synchronized void apply(PoolId pool, Channel channel, List<CapacityStore.Unit> changed) {
		Map<Channel, int[]> poolBooked = booked.get(pool);
		Map<Channel, long[]> poolVersions = versions.get(pool);
		if (poolBooked == null || poolBooked.get(channel) == null) {
			return;
		}
		int[] seats = poolBooked.get(channel).clone();
		long[] numbers = poolVersions.get(channel).clone();
		boolean any = false;
		for (CapacityStore.Unit unit : changed) {
			int index = indexOf(unit.start());
			if (index >= 0 && unit.version() > numbers[index]) {
				seats[index] = unit.booked();
				numbers[index] = unit.version();
				any = true;
			}
		}
		if (any) {
			poolVersions.put(channel, numbers);
			poolBooked.put(channel, seats);
			version++;
		}
	}

	/** A pool's seats and booked seats of the day for one channel. */
	record Free(int[] seats, int[] booked) {

		/** The seats free in the unit (negative where more are booked than it has). */
		int at(int unit) {
			return seats[unit] - booked[unit];
		}

		/**
		 * The fewest seats free in the {@code count} units from {@code first} on; once a
		 * unit has none, that unit's count (zero or less).
		 */
		int fewest(int first, int count) {
			int fewest = Integer.MAX_VALUE;
			for (int unit = first; unit < first + count && fewest > 0; unit++) {
				fewest = Math.min(fewest, at(unit));
			}
			return fewest;
		}

	}

}
