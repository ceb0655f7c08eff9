package de.buergerservice.catalog.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.locations.TourPlace;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The citizens' pages of the locations: where to go, when it is open this week and next,
 * how to get in, and what can be done there. They live with the catalogue because they
 * show its procedures.
 */
@Controller
class LocationPages {

	/** How many weeks of the mobile kit's tour its page shows. */
	private static final int TOUR_WEEKS = 8;

	private final Locations locations;

	private final Catalog catalog;

	private final Clock clock;

	LocationPages(Locations locations, Catalog catalog, Clock clock) {
		this.locations = locations;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/standorte")
	String list(Model model) {
		Map<LocationKind, List<Location>> byKind = locations.all()
			.stream()
			.collect(Collectors.groupingBy(Location::kind, () -> new java.util.EnumMap<>(LocationKind.class),
					Collectors.toList()));
		model.addAttribute("kinds", byKind);
		return "catalog/locations";
	}

	@GetMapping("/standorte/{id}")
	String location(@PathVariable String id, Model model, Locale locale) {
		Location location = LocationId.isValid(id) ? locations.find(LocationId.of(id)).orElse(null) : null;
		if (location == null) {
			throw new NotFoundException("error.notFound.location", id);
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = today.with(DayOfWeek.MONDAY);
		List<Day> days = locations.schedule(location.id(), monday, monday.plusDays(13))
			.stream()
			.map(schedule -> Day.of(schedule, today))
			.toList();
		model.addAttribute("location", location);
		model.addAttribute("thisWeek", days.subList(0, 7));
		model.addAttribute("nextWeek", days.subList(7, 14));
		model.addAttribute("departments",
				location.departmentIds()
					.stream()
					.map(locations::department)
					.flatMap(java.util.Optional::stream)
					.toList());
		model.addAttribute("procedures", proceduresByDepartment(location, locale));
		model.addAttribute("regularHours", location.weeklyHours()
			.days()
			.entrySet()
			.stream()
			.map(entry -> new WeekdayHours(entry.getKey().getDisplayName(TextStyle.FULL, locale), entry.getValue()))
			.toList());
		if (location.mobile()) {
			model.addAttribute("stops",
					locations.schedule(location.id(), today, today.plusWeeks(TOUR_WEEKS))
						.stream()
						.filter(schedule -> schedule instanceof DaySchedule.Open open && open.place() != null)
						.map(schedule -> Day.of(schedule, today))
						.toList());
		}
		return "catalog/location";
	}

	private Map<String, List<Procedure>> proceduresByDepartment(Location location, Locale locale) {
		Map<String, List<Procedure>> result = new LinkedHashMap<>();
		var offered = locations.proceduresAt(location.id());
		var byDepartment = catalog.procedures()
			.stream()
			.filter(procedure -> offered.contains(procedure.id()))
			.sorted(Comparator.comparing(procedure -> procedure.name().in(locale)))
			.collect(Collectors.groupingBy(Procedure::departmentId));
		locations.departments().forEach(department -> {
			List<Procedure> procedures = byDepartment.get(department.id());
			if (procedures != null) {
				result.put(department.name().in(locale), procedures);
			}
		});
		return result;
	}

	/** The regular hours of one weekday, its name in the page's language. */
	record WeekdayHours(String day, List<TimeRange> hours) {
	}

	/**
	 * One row of the opening-hours table: open with hours (and, for the kit, the place),
	 * or closed with the reason.
	 */
	record Day(LocalDate date, boolean today, boolean open, List<TimeRange> hours, @Nullable TourPlace place,
			@Nullable LocalizedText explanation, DaySchedule.@Nullable Reason reason) {

		static Day of(DaySchedule schedule, LocalDate today) {
			return switch (schedule) {
				case DaySchedule.Open open ->
					new Day(open.date(), open.date().equals(today), true, open.hours(), open.place(), null, null);
				case DaySchedule.Closed closed -> new Day(closed.date(), closed.date().equals(today), false, List.of(),
						null, closed.explanation(), closed.reason());
			};
		}

		/**
		 * Whether the day is closed though it normally would be open (a holiday or a
		 * closure).
		 */
		public boolean exceptional() {
			return reason != null && reason != DaySchedule.Reason.REGULAR;
		}

	}

}
