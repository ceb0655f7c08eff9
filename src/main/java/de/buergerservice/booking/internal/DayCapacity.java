package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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

	private static final int CHANNELS = Channel.values().length;

	private final LocalDate date;

	private final int gridMinutes;

	private final long[] units;

	/** Per pool its seats, booked seats and changes: one lookup for all three. */
	private final Map<PoolId, PoolSeats> pools;

	private final long loadedAt;

	/**
	 * Written after every update, read before every read: makes updates visible to
	 * readers.
	 */
	private volatile int version;

	private DayCapacity(LocalDate date, int gridMinutes, long[] units, Map<PoolId, PoolSeats> pools, long loadedAt) {
		this.date = date;
		this.gridMinutes = gridMinutes;
		this.units = units;
		this.pools = pools;
		this.loadedAt = loadedAt;
	}

	static DayCapacity of(LocalDate date, int gridMinutes, List<CapacityStore.Row> rows, long loadedAt) {
		long[] units = rows.stream().mapToLong(row -> row.start().getEpochSecond()).distinct().sorted().toArray();
		Map<PoolId, PoolSeats> pools = new HashMap<>();
		for (CapacityStore.Row row : rows) {
			int unit = Arrays.binarySearch(units, row.start().getEpochSecond());
			int channel = row.channel().ordinal();
			PoolSeats pool = pools.computeIfAbsent(row.pool(), id -> new PoolSeats());
			if (pool.capacity[channel] == null) {
				pool.capacity[channel] = new int[units.length];
				pool.booked[channel] = new int[units.length];
				pool.versions[channel] = new long[units.length];
			}
			pool.capacity[channel][unit] = row.capacity();
			pool.booked[channel][unit] = row.booked();
			pool.versions[channel][unit] = row.version();
		}
		return new DayCapacity(date, gridMinutes, units, pools, loadedAt);
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
		if (version < 0) {
			return null;
		}
		PoolSeats seats = pools.get(pool);
		int index = channel.ordinal();
		return seats == null || seats.capacity[index] == null ? null
				: new Free(seats.capacity[index], seats.booked[index]);
	}

	/**
	 * Whether the pool has a seat free for the channel in each of {@code count} units
	 * from {@code first} on, as far as this day knows.
	 */
	boolean hasRoom(PoolId pool, Channel channel, int first, int count) {
		Free free = free(pool, channel);
		return free != null && first >= 0 && first + count <= units.length && free.fewest(first, count) > 0;
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
		PoolSeats known = pools.get(pool);
		int index = channel.ordinal();
		if (known == null || known.booked[index] == null) {
			return;
		}
		int[] seats = known.booked[index].clone();
		long[] numbers = known.versions[index].clone();
		boolean any = false;
		for (CapacityStore.Unit unit : changed) {
			int at = indexOf(unit.start());
			if (at >= 0 && unit.version() > numbers[at]) {
				seats[at] = unit.booked();
				numbers[at] = unit.version();
				any = true;
			}
		}
		if (any) {
			known.versions[index] = numbers;
			known.booked[index] = seats;
			version++;
		}
	}

	/**
	 * A pool's arrays per channel (by its ordinal; {@code null} where the pool has no
	 * seats in it): the seats, the booked seats, and the number of the last change
	 * applied to each unit's booked seats. The booked and number arrays are replaced,
	 * never changed.
	 */
	private static final class PoolSeats {

		final int[][] capacity = new int[CHANNELS][];

		final int[][] booked = new int[CHANNELS][];

		final long[][] versions = new long[CHANNELS][];

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
