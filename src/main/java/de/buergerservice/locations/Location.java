package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import de.buergerservice.locations.DaySchedule.Closed;
import de.buergerservice.locations.DaySchedule.Open;
import de.buergerservice.locations.DaySchedule.Reason;
import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An office of the city, or the mobile kit. Knows when it is open: its weekly hours (or,
 * for the mobile kit, its tour), minus public holidays and planned closures.
 *
 * @param gridMinutes the length of one appointment unit at this location
 * @param illustrative whether address and hours are demo values
 * @param kit the mobile kit's equipment and tour; only for kind
 * {@link LocationKind#MOBILE_KIT}
 */
public record Location(LocationId id, LocationKind kind, LocalizedText name, List<String> departmentIds,
		Address address, @Nullable String phone, @Nullable String email, @Nullable LocalizedText notes,
		Accessibility accessibility, int gridMinutes, WeeklyHours weeklyHours, List<Closure> closures,
		boolean illustrative, @Nullable MobileKit kit) {

	public Location {
		departmentIds = List.copyOf(departmentIds);
		closures = List.copyOf(closures);
		if ((kind == LocationKind.MOBILE_KIT) != (kit != null)) {
			throw new IllegalArgumentException("Exactly the mobile kit has a tour: " + id);
		}
		if (gridMinutes < 5 || 60 % gridMinutes != 0) {
			throw new IllegalArgumentException("The grid must divide an hour: " + gridMinutes);
		}
	}

	public boolean mobile() {
		return kit != null;
	}

	/**
	 * The schedule of one date, given the public holiday on it if there is one.
	 */
	public DaySchedule scheduleOn(LocalDate date, Optional<Holiday> holiday) {
		List<TimeRange> hours;
		TourPlace place = null;
		if (kit != null) {
			var stop = kit.stopOn(date);
			hours = stop.map(found -> List.of(found.visit().hours())).orElse(List.of());
			place = stop.map(MobileKit.Stop::place).orElse(null);
		}
		else {
			hours = weeklyHours.on(date.getDayOfWeek());
		}
		if (hours.isEmpty()) {
			return new Closed(date, Reason.REGULAR, null);
		}
		if (holiday.isPresent()) {
			return new Closed(date, Reason.PUBLIC_HOLIDAY, holiday.get().name());
		}
		Optional<Closure> closure = closures.stream().filter(candidate -> candidate.covers(date)).findFirst();
		if (closure.isPresent()) {
			return new Closed(date, Reason.CLOSURE, closure.get().reason());
		}
		return new Open(date, hours, place);
	}

}
