package de.buergerservice.locations.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.locations.Counter;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;

/**
 * An immutable picture of all departments, locations and counters, read from the database
 * at once and replaced as a whole when the data changes.
 */
final class LocationDirectory {

	static final LocationDirectory EMPTY = new LocationDirectory(List.of(), List.of(), List.of());

	private final List<Department> departments;

	private final List<Location> locations;

	private final Map<LocationId, Location> byId;

	private final Map<LocationId, List<Counter>> counters;

	private final Map<LocationId, Set<ProcedureId>> procedures;

	LocationDirectory(List<Department> departments, List<Location> locations, List<Counter> counters) {
		this.departments = List.copyOf(departments);
		this.locations = List.copyOf(locations);
		this.byId = locations.stream()
			.collect(Collectors.toMap(Location::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.counters = counters.stream()
			.collect(Collectors.groupingBy(Counter::location, Collectors.toUnmodifiableList()));
		this.procedures = this.counters.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					entry -> entry.getValue()
						.stream()
						.flatMap(counter -> counter.skills().stream())
						.collect(Collectors.toCollection(TreeSet::new))));
	}

	List<Department> departments() {
		return departments;
	}

	List<Location> locations() {
		return locations;
	}

	Optional<Location> location(LocationId id) {
		return Optional.ofNullable(byId.get(id));
	}

	Optional<Department> department(String id) {
		return departments.stream().filter(department -> department.id().equals(id)).findFirst();
	}

	List<Counter> countersAt(LocationId id) {
		return counters.getOrDefault(id, List.of());
	}

	Set<ProcedureId> proceduresAt(LocationId id) {
		return procedures.getOrDefault(id, Set.of());
	}

	List<Location> offering(Collection<ProcedureId> wanted) {
		return locations.stream().filter(location -> proceduresAt(location.id()).containsAll(wanted)).toList();
	}

}
