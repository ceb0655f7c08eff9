package de.buergerservice.booking.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;

import org.springframework.stereotype.Component;

/**
 * The pools of every location, derived from the locations module's counters: counters
 * with the same skills form one pool.
 */
@Component
public class PoolDirectory {

	static final int REMEMBERED = 20_000;

	private final Locations locations;

	private final Map<LocationId, List<Pool>> pools = new ConcurrentHashMap<>();

	private final Map<PoolId, LocationId> locationOf = new ConcurrentHashMap<>();

	/**
	 * Which pools of a location serve which procedures, and which locations offer them:
	 * asked for every location and day of every availability question (a third of its
	 * time in the Berlin benchmark before they were remembered). At most
	 * {@link #REMEMBERED} of each, since the procedures come from the request.
	 */
	private final Map<Served, List<Pool>> candidates = new ConcurrentHashMap<>();

	private final Map<Set<ProcedureId>, Offering> offering = new ConcurrentHashMap<>();

	PoolDirectory(Locations locations) {
		this.locations = locations;
	}

	public List<Pool> pools(LocationId location) {
		return pools.computeIfAbsent(location, this::derive);
	}

	public Optional<LocationId> locationOf(PoolId pool) {
		LocationId location = locationOf.get(pool);
		if (location == null) {
			locations.all().forEach(each -> pools(each.id()));
			location = locationOf.get(pool);
		}
		return Optional.ofNullable(location);
	}

	/**
	 * The pools of a location that can serve all the procedures, in the order they are
	 * tried.
	 */
	public List<Pool> candidates(LocationId location, Collection<ProcedureId> procedures) {
		Served served = new Served(location, Set.copyOf(procedures));
		List<Pool> known = candidates.get(served);
		if (known != null) {
			return known;
		}
		return remember(candidates, served, Pool.candidates(pools(location), procedures));
	}

	/**
	 * The locations (in the city's order) with a pool that can serve all the procedures.
	 */
	public List<Location> offering(Collection<ProcedureId> procedures) {
		return offeringOf(procedures).locations();
	}

	/**
	 * The same locations, each with its pools that can serve the procedures in the order
	 * they are tried: one lookup for an "anywhere" question instead of one per location.
	 */
	public Map<LocationId, List<Pool>> serving(Collection<ProcedureId> procedures) {
		return offeringOf(procedures).pools();
	}

	private Offering offeringOf(Collection<ProcedureId> procedures) {
		Set<ProcedureId> wanted = Set.copyOf(procedures);
		Offering known = offering.get(wanted);
		if (known != null) {
			return known;
		}
		List<Location> where = new ArrayList<>();
		Map<LocationId, List<Pool>> pools = new LinkedHashMap<>();
		for (Location location : locations.all()) {
			List<Pool> serving = candidates(location.id(), wanted);
			if (!serving.isEmpty()) {
				where.add(location);
				pools.put(location.id(), serving);
			}
		}
		return remember(offering, wanted, new Offering(List.copyOf(where), Collections.unmodifiableMap(pools)));
	}

	/** Forgets what it derived, e.g. after the counters changed. */
	public void reload() {
		pools.clear();
		locationOf.clear();
		candidates.clear();
		offering.clear();
	}

	private static <K, V> V remember(Map<K, V> known, K key, V value) {
		if (known.size() < REMEMBERED) {
			V earlier = known.putIfAbsent(key, value);
			return earlier == null ? value : earlier;
		}
		return value;
	}

	private List<Pool> derive(LocationId location) {
		Map<Set<ProcedureId>, Integer> bySkills = new LinkedHashMap<>();
		for (Counter counter : locations.counters(location)) {
			if (!counter.skills().isEmpty()) {
				bySkills.merge(counter.skills(), 1, Integer::sum);
			}
		}
		List<Pool> derived = bySkills.entrySet()
			.stream()
			.map(entry -> Pool.of(location, entry.getKey(), entry.getValue()))
			.sorted(Pool.PREFERENCE)
			.collect(Collectors.toUnmodifiableList());
		derived.forEach(pool -> locationOf.put(pool.id(), location));
		return derived;
	}

	private record Served(LocationId location, Set<ProcedureId> procedures) {
	}

	private record Offering(List<Location> locations, Map<LocationId, List<Pool>> pools) {
	}

}
