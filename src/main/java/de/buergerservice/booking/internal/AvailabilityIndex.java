package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Availability in memory: one {@link DayCapacity} per location and day, read from the
 * database when first asked for and kept current by every booking and cancellation on any
 * instance (see {@link CapacityChanges}: each change carries the units' booked seats and
 * a number, so it applies once and in any order).
 * <p>
 * A day is read by one thread at a time; others asking for it wait for that read. Changes
 * heard of while a day is being read are applied to what was read, so none falls into the
 * gap between the read and the day's arrival in memory; a day planned anew while being
 * read is not kept. A day older than the configured maximum age (a safety net, in case a
 * notification was lost) is served as it is while it is read again in the background.
 */
@Component
public class AvailabilityIndex {

	private static final Logger LOG = LoggerFactory.getLogger(AvailabilityIndex.class);

	/**
	 * Days in a ring per location, by the day's number modulo its size: more days than a
	 * horizon can have (at most 366), so the days asked for never take each other's
	 * place. Looked up about 30 times per calendar answer and 45 per "anywhere" day: a
	 * map keyed by location and date took a tenth of the calendar's CPU.
	 */
	private final Map<LocationId, Days> locations = new ConcurrentHashMap<>();

	/** The days being read, with the changes heard of meanwhile. */
	private final Map<Key, Reading> reading = new ConcurrentHashMap<>();

	/**
	 * Reads stale days again in the background, two at a time: the whole horizon goes
	 * stale at once (it was read at once), and a thread per day took every pooled
	 * connection and the CPU from the requests (p99 of seconds in the Berlin benchmark).
	 */
	private final Executor refresher;

	/** The stale days waiting for or in the background refresh, each once. */
	private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();

	private final DayLoader loader;

	/** The location of a pool. */
	private final Function<PoolId, Optional<LocationId>> locationOf;

	private final ZoneId zone;

	private final Clock ages;

	private final long maxAgeMillis;

	@Autowired
	AvailabilityIndex(CapacityStore store, PoolDirectory pools, Locations locations, City city,
			BookingProperties properties) {
		this(loader(store, pools, locations, city.zone()), pools::locationOf, city.zone(), Clock.systemUTC(),
				properties.availability().maxAge().toMillis(), newRefresher());
	}

	/**
	 * @param ages the clock a day's age is told by: the machine's, not the city's
	 * business clock (which tests set)
	 */
	AvailabilityIndex(DayLoader loader, Function<PoolId, Optional<LocationId>> locationOf, ZoneId zone, Clock ages,
			long maxAgeMillis, Executor refresher) {
		this.loader = loader;
		this.locationOf = locationOf;
		this.zone = zone;
		this.ages = ages;
		this.maxAgeMillis = maxAgeMillis;
		this.refresher = refresher;
	}

	/**
	 * A day from memory (read from the database when first asked for). A day past its age
	 * is answered as it is and read again in the background.
	 */
	DayCapacity day(LocationId location, LocalDate date) {
		return days(location).day(date);
	}

	/** One location's days: for a caller asking for many of them. */
	Days days(LocationId location) {
		Days days = locations.get(location);
		return days != null ? days : locations.computeIfAbsent(location, Days::new);
	}

	/** The days of one location in memory. */
	final class Days {

		private static final int RING = 512;

		private final LocationId location;

		private final AtomicReferenceArray<DayCapacity> ring = new AtomicReferenceArray<>(RING);

		private Days(LocationId location) {
			this.location = location;
		}

		/** See {@link AvailabilityIndex#day(LocationId, LocalDate)}. */
		DayCapacity day(LocalDate date) {
			DayCapacity day = held(date);
			if (day == null) {
				return read(new Key(location, date));
			}
			if (stale(location, day)) {
				Key key = new Key(location, date);
				if (!reading.containsKey(key) && refreshing.add(key)) {
					refresher.execute(() -> refresh(key));
				}
			}
			return day;
		}

		/** The day if in memory. */
		@Nullable DayCapacity held(LocalDate date) {
			DayCapacity day = ring.get(slot(date));
			return day != null && day.date().equals(date) ? day : null;
		}

		private void keep(DayCapacity day) {
			ring.set(slot(day.date()), day);
		}

		private void forget(LocalDate date) {
			DayCapacity day = held(date);
			if (day != null) {
				ring.compareAndSet(slot(date), day, null);
			}
		}

		private void forgetAll() {
			for (int slot = 0; slot < RING; slot++) {
				ring.set(slot, null);
			}
		}

		private static int slot(LocalDate date) {
			return (int) Math.floorMod(date.toEpochDay(), RING);
		}

	}

	private void refresh(Key key) {
		try {
			read(key);
		}
		catch (RuntimeException ex) {
			LOG.warn("Could not read {} {} again: {}", key.location().value(), key.date(), ex.getMessage());
		}
		finally {
			refreshing.remove(key);
		}
	}

	/**
	 * Past its maximum age plus up to half of it more, by the day: days read together
	 * (the whole horizon, when the index is primed) go stale one after another, not at
	 * once, so their refresh is a steady trickle instead of a burst.
	 */
	private boolean stale(LocationId location, DayCapacity day) {
		long spread = maxAgeMillis / 2;
		long extra = spread == 0 ? 0 : Math.floorMod(mix(31L * location.hashCode() + day.date().hashCode()), spread);
		return ages.millis() - day.loadedAt() > maxAgeMillis + extra;
	}

	/** Murmur3's finaliser: neighbouring days (neighbouring hash codes) far apart. */
	private static long mix(long hash) {
		long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
		mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return mixed ^ (mixed >>> 33);
	}

	/** Two daemon threads for the background refresh (see {@link #refresher}). */
	static ExecutorService newRefresher() {
		return Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("availability-refresh-", 0).factory());
	}

	/** Reads a day, or waits for the thread already reading it. */
	private DayCapacity read(Key key) {
		Reading mine = new Reading();
		Reading running = reading.putIfAbsent(key, mine);
		if (running != null) {
			return running.result.join();
		}
		try {
			DayCapacity day = loader.load(key.location(), key.date(), ages.millis());
			if (!mine.replanned) {
				days(key.location()).keep(day);
			}
			reading.remove(key, mine);
			mine.drainInto(day);
			mine.result.complete(day);
			return day;
		}
		catch (RuntimeException ex) {
			reading.remove(key, mine);
			mine.result.completeExceptionally(ex);
			throw ex;
		}
	}

	private static DayLoader loader(CapacityStore store, PoolDirectory pools, Locations locations, ZoneId zone) {
		return (location, date, now) -> {
			List<PoolId> ids = pools.pools(location).stream().map(Pool::id).toList();
			int grid = locations.find(location).map(Location::gridMinutes).orElse(5);
			if (ids.isEmpty()) {
				return DayCapacity.of(date, grid, List.of(), now);
			}
			Instant from = date.atStartOfDay(zone).toInstant();
			Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
			return DayCapacity.of(date, grid, store.rows(ids, from, to), ids, now);
		};
	}

	/** Units' booked seats after a committed change: apply to the day, if in memory. */
	void apply(PoolId pool, Channel channel, List<CapacityStore.Unit> units) {
		if (units.isEmpty()) {
			return;
		}
		locationOf.apply(pool).ifPresent(location -> {
			Key key = new Key(location, units.getFirst().start().atZone(zone).toLocalDate());
			Reading running = reading.get(key);
			if (running != null) {
				running.heard(pool, channel, units);
			}
			DayCapacity day = days(location).held(key.date());
			if (day != null) {
				day.apply(pool, channel, units);
			}
		});
	}

	void invalidate(LocationId location, LocalDate from, LocalDate through) {
		Days days = days(location);
		for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
			Reading running = reading.get(new Key(location, day));
			if (running != null) {
				running.replanned = true;
			}
			days.forget(day);
		}
	}

	/** Forgets everything, e.g. when notifications may have been missed. */
	void invalidateAll() {
		reading.values().forEach(running -> running.replanned = true);
		locations.values().forEach(Days::forgetAll);
	}

	/** Reads one location's day from the database. */
	@FunctionalInterface
	interface DayLoader {

		DayCapacity load(LocationId location, LocalDate date, long now);

	}

	private record Key(LocationId location, LocalDate date) {

		// written out for the reason given at LocationId.equals
		@Override
		public boolean equals(Object other) {
			return this == other || other instanceof Key key && location.equals(key.location) && date.equals(key.date);
		}

		@Override
		public int hashCode() {
			return 31 * location.hashCode() + date.hashCode();
		}

	}

	/**
	 * A day being read: its result for those who wait, and the changes heard meanwhile.
	 */
	private static final class Reading {

		final CompletableFuture<DayCapacity> result = new CompletableFuture<>();

		/** Planned anew (or notifications lost) while being read: do not keep. */
		volatile boolean replanned;

		private final List<Heard> heardChanges = new ArrayList<>();

		synchronized void heard(PoolId pool, Channel channel, List<CapacityStore.Unit> units) {
			heardChanges.add(new Heard(pool, channel, units));
		}

		synchronized void drainInto(DayCapacity day) {
			heardChanges.forEach(change -> day.apply(change.pool(), change.channel(), change.units()));
			heardChanges.clear();
		}

		private record Heard(PoolId pool, Channel channel, List<CapacityStore.Unit> units) {
		}

	}

}
