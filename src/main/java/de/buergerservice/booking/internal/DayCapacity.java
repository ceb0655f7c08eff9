package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * One location's day in memory: its grid units and, per pool and channel, the seats and
 * how many are booked. Readers get consistent values without locks: an update replaces
 * the changed array.
 */
final class DayCapacity {

	private static final int CHANNELS = Channel.values().length;

	/** How many counts a day remembers (a power of two). */
	private static final int COUNTED = 16;

	private final LocalDate date;

	private final int gridMinutes;

	private final long[] units;

	/**
	 * The pools with seats this day, and per pool its seats, booked seats and changes
	 * (one lookup for all three): searched in that order, a location has a handful.
	 */
	private final PoolId[] poolIds;

	private final PoolSeats[] poolSeats;

	private final long loadedAt;

	/**
	 * Written after every update, read before every read: makes updates visible to
	 * readers.
	 */
	private volatile int version;

	/**
	 * Counts of start times remembered for the calendar, each with the version it was
	 * counted at (see {@link #counted}); slots shared by hash, written without locks: an
	 * entry is immutable, a lost write only costs a count.
	 */
	private final Counted[] counted = new Counted[COUNTED];

	private DayCapacity(LocalDate date, int gridMinutes, long[] units, Map<PoolId, PoolSeats> pools, long loadedAt) {
		this.date = date;
		this.gridMinutes = gridMinutes;
		this.units = units;
		this.poolIds = pools.keySet().toArray(PoolId[]::new);
		this.poolSeats = new PoolSeats[poolIds.length];
		for (int pool = 0; pool < poolIds.length; pool++) {
			poolSeats[pool] = pools.get(poolIds[pool]);
		}
		this.loadedAt = loadedAt;
	}

	static DayCapacity of(LocalDate date, int gridMinutes, List<CapacityStore.Row> rows, long loadedAt) {
		return of(date, gridMinutes, rows, List.of(), loadedAt);
	}

	/**
	 * @param known the pools' ids as askers will name them: the day keeps these objects,
	 * so that a lookup mostly ends at the first comparison of references (a day's rows
	 * bring their own)
	 */
	static DayCapacity of(LocalDate date, int gridMinutes, List<CapacityStore.Row> rows, List<PoolId> known,
			long loadedAt) {
		long[] units = rows.stream().mapToLong(row -> row.start().getEpochSecond()).distinct().sorted().toArray();
		Map<PoolId, PoolId> canonical = new HashMap<>();
		known.forEach(id -> canonical.put(id, id));
		Map<PoolId, PoolSeats> pools = new LinkedHashMap<>();
		for (CapacityStore.Row row : rows) {
			int unit = Arrays.binarySearch(units, row.start().getEpochSecond());
			int channel = row.channel().ordinal();
			PoolSeats pool = pools.computeIfAbsent(canonical.getOrDefault(row.pool(), row.pool()),
					id -> new PoolSeats());
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

	/** The pool's seats, or {@code null} where it has none this day. */
	private @Nullable PoolSeats seats(PoolId pool) {
		for (int index = 0; index < poolIds.length; index++) {
			if (poolIds[index] == pool) {
				return poolSeats[index];
			}
		}
		for (int index = 0; index < poolIds.length; index++) {
			if (poolIds[index].equals(pool)) {
				return poolSeats[index];
			}
		}
		return null;
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
		PoolSeats seats = seats(pool);
		int index = channel.ordinal();
		return seats == null || seats.capacity[index] == null ? null
				: new Free(seats.capacity[index], seats.booked[index]);
	}

	/**
	 * The count of a question about this day (the same pools, visit length and channel)
	 * as it was when the day last changed, or counted now. The version is read before the
	 * counting reads the seats: a count made while a change arrived is kept under the
	 * version before it, which no one asks with once the change is in.
	 * @param pools the pools asked about, compared by reference (the directory hands out
	 * the same objects)
	 */
	int counted(List<?> pools, int units, Channel channel, IntSupplier count) {
		int now = version;
		int hash = units * 7 + channel.ordinal();
		for (Object pool : pools) {
			hash = hash * 31 + System.identityHashCode(pool);
		}
		int slot = (hash ^ (hash >>> 16)) & (COUNTED - 1);
		Counted known = counted[slot];
		if (known != null && known.version() == now && known.units() == units && known.channel() == channel
				&& sameObjects(known.pools(), pools)) {
			return known.count();
		}
		int fresh = count.getAsInt();
		counted[slot] = new Counted(pools, units, channel, now, fresh);
		return fresh;
	}

	private static boolean sameObjects(List<?> some, List<?> others) {
		if (some == others) {
			return true;
		}
		if (some.size() != others.size()) {
			return false;
		}
		for (int index = 0; index < some.size(); index++) {
			if (some.get(index) != others.get(index)) {
				return false;
			}
		}
		return true;
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
		PoolSeats known = seats(pool);
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

	private record Counted(List<?> pools, int units, Channel channel, int version, int count) {
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
