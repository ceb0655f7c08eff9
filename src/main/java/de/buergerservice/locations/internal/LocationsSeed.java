package de.buergerservice.locations.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.buergerservice.locations.Accessibility;
import de.buergerservice.locations.Address;
import de.buergerservice.locations.Closure;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.CounterId;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.MobileKit;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.locations.TourPlace;
import de.buergerservice.locations.TourVisit;
import de.buergerservice.locations.WeeklyHours;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * The demo city's locations as written in {@code demo/<city>/locations.yaml}:
 * departments, named skill profiles, offices with their counters, and the mobile kit with
 * its tour.
 */
record LocationsSeed(List<Department> departments, Map<String, List<String>> skillProfiles,
		List<LocationSeed> locations, MobileKitSeed mobileKit) {

	record LocationSeed(String id, LocationKind kind, LocalizedText name, List<String> departments, Address address,
			@Nullable String phone, @Nullable String email, @Nullable LocalizedText notes,
			AccessibilitySeed accessibility, @Nullable Integer gridMinutes, @Nullable Boolean illustrative,
			@Nullable Map<DayOfWeek, List<String>> openingHours, @Nullable List<ClosureSeed> closures,
			List<CounterSeed> counters) {
	}

	record AccessibilitySeed(boolean stepFree, boolean accessibleToilet, boolean hearingLoop, boolean disabledParking,
			@Nullable LocalizedText notes) {

		Accessibility toAccessibility() {
			return new Accessibility(stepFree, accessibleToilet, hearingLoop, disabledParking, notes);
		}

	}

	record ClosureSeed(LocalDate from, LocalDate to, LocalizedText reason) {
	}

	record CounterSeed(String profile, int count) {
	}

	record MobileKitSeed(String id, LocalizedText name, List<String> departments, Address address,
			@Nullable String phone, @Nullable String email, @Nullable LocalizedText notes,
			AccessibilitySeed accessibility, @Nullable Integer gridMinutes, @Nullable Boolean illustrative,
			List<LocalizedText> equipment, List<String> procedures, List<PlaceSeed> places) {
	}

	record PlaceSeed(String id, LocalizedText name, Address address, AccessibilitySeed accessibility,
			List<VisitSeed> visits) {
	}

	record VisitSeed(LocalDate firstDay, @Nullable LocalDate lastDay, int everyWeeks, String hours) {
	}

	/**
	 * The seed as domain objects; every rule of the domain types is checked on the way.
	 */
	Contents contents() {
		List<Location> result = new ArrayList<>();
		List<Counter> counters = new ArrayList<>();
		for (LocationSeed seed : locations) {
			Location location = new Location(LocationId.of(seed.id()), seed.kind(), seed.name(), seed.departments(),
					seed.address(), seed.phone(), seed.email(), seed.notes(), seed.accessibility().toAccessibility(),
					seed.gridMinutes() == null ? 5 : seed.gridMinutes(), weeklyHours(seed.openingHours()),
					closures(seed.closures()), !Boolean.FALSE.equals(seed.illustrative()), null);
			result.add(location);
			int number = 1;
			for (CounterSeed counter : seed.counters()) {
				Set<ProcedureId> skills = profile(counter.profile());
				for (int i = 0; i < counter.count(); i++, number++) {
					counters.add(new Counter(new CounterId("%s-%02d".formatted(seed.id(), number)), location.id(),
							"Platz " + number, skills));
				}
			}
		}
		MobileKitSeed kit = mobileKit;
		List<TourPlace> places = kit.places()
			.stream()
			.map(place -> new TourPlace(place.id(), place.name(), place.address(),
					place.accessibility().toAccessibility(),
					place.visits()
						.stream()
						.map(visit -> new TourVisit(visit.firstDay(), visit.lastDay(), visit.everyWeeks(),
								TimeRange.parse(visit.hours())))
						.toList()))
			.toList();
		Location kitLocation = new Location(LocationId.of(kit.id()), LocationKind.MOBILE_KIT, kit.name(),
				kit.departments(), kit.address(), kit.phone(), kit.email(), kit.notes(),
				kit.accessibility().toAccessibility(), kit.gridMinutes() == null ? 10 : kit.gridMinutes(),
				WeeklyHours.none(), List.of(), !Boolean.FALSE.equals(kit.illustrative()),
				new MobileKit(kit.equipment(), places));
		result.add(kitLocation);
		counters.add(new Counter(new CounterId(kit.id() + "-01"), kitLocation.id(), "Bürgerkoffer",
				kit.procedures().stream().map(ProcedureId::of).collect(java.util.stream.Collectors.toSet())));
		return new Contents(departments, result, counters);
	}

	private Set<ProcedureId> profile(String name) {
		List<String> ids = skillProfiles.get(name);
		if (ids == null) {
			throw new IllegalArgumentException("Unknown skill profile: " + name);
		}
		Set<ProcedureId> skills = new LinkedHashSet<>();
		ids.forEach(id -> skills.add(ProcedureId.of(id)));
		return skills;
	}

	private static WeeklyHours weeklyHours(@Nullable Map<DayOfWeek, List<String>> hours) {
		if (hours == null) {
			return WeeklyHours.none();
		}
		Map<DayOfWeek, List<TimeRange>> days = new java.util.EnumMap<>(DayOfWeek.class);
		hours.forEach((day, ranges) -> days.put(day, ranges.stream().map(TimeRange::parse).toList()));
		return new WeeklyHours(days);
	}

	private static List<Closure> closures(@Nullable List<ClosureSeed> closures) {
		if (closures == null) {
			return List.of();
		}
		return closures.stream().map(closure -> new Closure(closure.from(), closure.to(), closure.reason())).toList();
	}

	/** Departments, locations and counters ready to be stored. */
	record Contents(List<Department> departments, List<Location> locations, List<Counter> counters) {
	}

}
