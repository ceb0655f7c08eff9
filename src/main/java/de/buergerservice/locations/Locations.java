package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.buergerservice.shared.ProcedureId;

/**
 * The public face of the locations module: the city's departments, offices, counters and
 * when each location is open.
 */
public interface Locations {

	List<Department> departments();

	Optional<Department> department(String id);

	/** Every location, the mobile kit included, in the city's order. */
	List<Location> all();

	Optional<Location> find(LocationId id);

	/** The locations that offer every one of the given procedures. */
	List<Location> offering(Collection<ProcedureId> procedures);

	/** The procedures at least one counter of the location can serve. */
	Set<ProcedureId> proceduresAt(LocationId location);

	List<Counter> counters(LocationId location);

	/** One schedule per date from {@code from} to {@code to}, both included. */
	List<DaySchedule> schedule(LocationId location, LocalDate from, LocalDate to);

	/**
	 * The days between {@code from} and {@code to} on which the location would be open
	 * but is closed for a public holiday or a planned closure.
	 */
	List<DaySchedule.Closed> closures(LocationId location, LocalDate from, LocalDate to);

	/** The public holidays of the city's state between two dates, both included. */
	List<Holiday> holidays(LocalDate from, LocalDate to);

}
