package de.buergerservice.locations.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.buergerservice.locations.Accessibility;
import de.buergerservice.locations.Address;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.locations.TourPlace;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.ProcedureId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/locations}: the city's offices and the mobile kit, with opening hours,
 * coming closures and the procedures each offers.
 */
@RestController
@RequestMapping("/api/v1/locations")
@Tag(name = "Locations", description = "Offices, the mobile kit, opening hours and closures")
class LocationsApi {

	/** How far ahead closures and tour stops are listed. */
	static final int DAYS_AHEAD = 90;

	private final Locations locations;

	private final Clock clock;

	LocationsApi(Locations locations, Clock clock) {
		this.locations = locations;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Locations, optionally only those offering every given procedure")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en")
	List<LocationSummary> list(@Valid LocationQuery query, Locale locale) {
		List<Location> result = query.procedure() == null || query.procedure().isEmpty() ? locations.all()
				: locations.offering(query.procedure().stream().map(ProcedureId::of).toList());
		return result.stream().map(location -> LocationSummary.of(location, locale)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One location with opening hours, closures of the coming 90 days, procedures and, "
			+ "for the mobile kit, its coming stops")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en")
	LocationDetail detail(@PathVariable String id, Locale locale) {
		Location location = LocationId.isValid(id) ? locations.find(LocationId.of(id)).orElse(null) : null;
		if (location == null) {
			throw new NotFoundException("error.notFound.location", id);
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate until = today.plusDays(DAYS_AHEAD - 1);
		List<ClosureDay> closures = locations.closures(location.id(), today, until)
			.stream()
			.map(closed -> new ClosureDay(closed.date(), closed.reason().name(),
					closed.explanation() == null ? null : closed.explanation().in(locale)))
			.toList();
		List<Stop> stops = location.mobile() ? locations.schedule(location.id(), today, until)
			.stream()
			.filter(DaySchedule.Open.class::isInstance)
			.map(DaySchedule.Open.class::cast)
			.filter(open -> open.place() != null)
			.map(open -> Stop.of(open, locale))
			.toList() : null;
		return new LocationDetail(location.id().value(), location.name().in(locale), location.kind(),
				location.address(), location.mobile(), location.phone(), location.email(),
				text(location.notes(), locale), AccessibilityView.of(location.accessibility(), locale),
				location.departmentIds(), hours(location), closures,
				locations.proceduresAt(location.id()).stream().map(ProcedureId::value).toList(), stops,
				location.illustrative());
	}

	private static Map<DayOfWeek, List<Interval>> hours(Location location) {
		Map<DayOfWeek, List<Interval>> result = new EnumMap<>(DayOfWeek.class);
		location.weeklyHours()
			.days()
			.forEach((day, ranges) -> result.put(day, ranges.stream().map(Interval::of).toList()));
		return result;
	}

	private static @Nullable String text(@Nullable LocalizedText text, Locale locale) {
		return text == null ? null : text.in(locale);
	}

	/** Query parameters of the location list. */
	record LocationQuery(@Nullable @Size(max = 20) List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}") String> procedure,
			@Nullable @Pattern(regexp = "de|en") String lang) {
	}

	record LocationSummary(String id, String name, LocationKind kind, Address address, boolean mobile) {

		static LocationSummary of(Location location, Locale locale) {
			return new LocationSummary(location.id().value(), location.name().in(locale), location.kind(),
					location.address(), location.mobile());
		}

	}

	record LocationDetail(String id, String name, LocationKind kind, Address address, boolean mobile,
			@Nullable String phone, @Nullable String email, @Nullable String notes, AccessibilityView accessibility,
			List<String> departments, Map<DayOfWeek, List<Interval>> openingHours, List<ClosureDay> closures,
			List<String> procedures, @Nullable List<Stop> stops, boolean illustrative) {
	}

	record Interval(LocalTime opens, LocalTime closes) {

		static Interval of(TimeRange range) {
			return new Interval(range.opens(), range.closes());
		}

	}

	record ClosureDay(LocalDate date, String kind, @Nullable String reason) {
	}

	record AccessibilityView(boolean stepFree, boolean accessibleToilet, boolean hearingLoop, boolean disabledParking,
			@Nullable String notes) {

		static AccessibilityView of(Accessibility accessibility, Locale locale) {
			return new AccessibilityView(accessibility.stepFree(), accessibility.accessibleToilet(),
					accessibility.hearingLoop(), accessibility.disabledParking(), text(accessibility.notes(), locale));
		}

	}

	record Stop(LocalDate date, Place place, LocalTime opens, LocalTime closes) {

		static Stop of(DaySchedule.Open open, Locale locale) {
			TourPlace place = open.place();
			TimeRange hours = open.hours().getFirst();
			return new Stop(open.date(), new Place(place.id(), place.name().in(locale), place.address(),
					AccessibilityView.of(place.accessibility(), locale)), hours.opens(), hours.closes());
		}

	}

	record Place(String id, String name, Address address, AccessibilityView accessibility) {
	}

}
