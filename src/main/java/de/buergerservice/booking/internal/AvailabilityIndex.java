package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;

import org.springframework.stereotype.Component;

/**
 * Availability in memory: one {@link DayCapacity} per location and day, read from the
 * database when first asked for, updated by every booking and cancellation on any
 * instance (see {@link CapacityChanges}) and read again when older than the configured
 * maximum age, in case a notification was missed.
 */
@Component
public class AvailabilityIndex {

	private final Map<Key, DayCapacity> days = new ConcurrentHashMap<>();

	private final CapacityStore store;

	private final PoolDirectory pools;

	private final Locations locations;

	private final ZoneId zone;

	private final Clock clock;

	private final long maxAgeMillis;

	AvailabilityIndex(CapacityStore store, PoolDirectory pools, Locations locations, City city, Clock clock,
			BookingProperties properties) {
		this.store = store;
		this.pools = pools;
		this.locations = locations;
		this.zone = city.zone();
		this.clock = clock;
		this.maxAgeMillis = properties.availability().maxAge().toMillis();
	}

	DayCapacity day(LocationId location, LocalDate date) {
		Key key = new Key(location, date);
		long now = System.currentTimeMillis();
		DayCapacity day = days.get(key);
		if (day == null || now - day.loadedAt() > maxAgeMillis) {
			day = load(location, date, now);
			days.put(key, day);
		}
		return day;
	}

	private DayCapacity load(LocationId location, LocalDate date, long now) {
		List<PoolId> ids = pools.pools(location).stream().map(Pool::id).toList();
		int grid = locations.find(location).map(Location::gridMinutes).orElse(5);
		if (ids.isEmpty()) {
			return DayCapacity.of(date, grid, List.of(), now);
		}
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		return DayCapacity.of(date, grid, store.rows(ids, from, to), now);
	}

	/** A booking or cancellation committed: apply it to the day in memory, if loaded. */
	void apply(PoolId pool, Channel channel, Instant start, int units, int delta) {
		pools.locationOf(pool).ifPresent(location -> {
			DayCapacity day = days.get(new Key(location, start.atZone(zone).toLocalDate()));
			if (day != null) {
				day.add(pool, channel, start, units, delta);
			}
		});
	}

	void invalidate(LocationId location, LocalDate from, LocalDate through) {
		for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
			days.remove(new Key(location, day));
		}
	}

	/** Forgets everything, e.g. when notifications may have been missed. */
	void invalidateAll() {
		days.clear();
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	private record Key(LocationId location, LocalDate date) {
	}

}
