package de.buergerservice.locations.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.buergerservice.locations.Counter;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Holiday;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;

import org.springframework.stereotype.Service;

/**
 * Answers every question about locations from an in-memory directory that is read from
 * the database when first needed and again after the data changed.
 */
@Service
class LocationService implements Locations {

	private final LocationRepository repository;

	private final PublicHolidays holidays;

	private volatile LocationDirectory directory = LocationDirectory.EMPTY;

	private volatile boolean loaded;

	LocationService(LocationRepository repository, PublicHolidays holidays) {
		this.repository = repository;
		this.holidays = holidays;
	}

	/** Reads the directory again, e.g. after the demo data was loaded. */
	void reload() {
		directory = repository.load();
		loaded = true;
	}

	private LocationDirectory directory() {
		if (!loaded) {
			synchronized (this) {
				if (!loaded) {
					reload();
				}
			}
		}
		return directory;
	}

	@Override
	public List<Department> departments() {
		return directory().departments();
	}

	@Override
	public Optional<Department> department(String id) {
		return directory().department(id);
	}

	@Override
	public List<Location> all() {
		return directory().locations();
	}

	@Override
	public Optional<Location> find(LocationId id) {
		return directory().location(id);
	}

	@Override
	public List<Location> offering(Collection<ProcedureId> procedures) {
		return directory().offering(procedures);
	}

	@Override
	public Set<ProcedureId> proceduresAt(LocationId location) {
		return directory().proceduresAt(location);
	}

	@Override
	public List<Counter> counters(LocationId location) {
		return directory().countersAt(location);
	}

	@Override
	public List<DaySchedule> schedule(LocationId id, LocalDate from, LocalDate to) {
		Location location = find(id).orElseThrow(() -> new IllegalArgumentException("Unknown location " + id));
		return from.datesUntil(to.plusDays(1)).map(date -> location.scheduleOn(date, holidays.on(date))).toList();
	}

	@Override
	public List<DaySchedule.Closed> closures(LocationId id, LocalDate from, LocalDate to) {
		return schedule(id, from, to).stream()
			.filter(DaySchedule.Closed.class::isInstance)
			.map(DaySchedule.Closed.class::cast)
			.filter(DaySchedule.Closed::isExceptional)
			.toList();
	}

	@Override
	public List<Holiday> holidays(LocalDate from, LocalDate to) {
		return holidays.between(from, to);
	}

}
