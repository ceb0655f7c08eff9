package de.buergerservice.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Slot;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/availability}: the days with room (a calendar's first question), then
 * the start times, for one location or anywhere, earliest first.
 */
@RestController
@RequestMapping("/api/v1/availability")
@Tag(name = "Availability", description = "Where and when a visit of one or several procedures fits")
class AvailabilityApi {

	/** Slots returned by {@code anywhere=true} unless {@code limit} says otherwise. */
	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 500;

	private final Availability availability;

	private final Clock clock;

	private final ZoneId zone;

	private final SlotTimes times;

	AvailabilityApi(Availability availability, Clock clock, City city) {
		this.availability = availability;
		this.clock = clock;
		this.zone = city.zone();
		this.times = new SlotTimes(zone);
	}

	@GetMapping("/days")
	@Operation(summary = "The days of a range (at most 93) with at least one start time where the whole visit fits, "
			+ "and how many")
	Days days(@ParameterObject AvailabilityParameters parameters) {
		AvailabilityQuery query = query(parameters, Availability.MAX_DAYS);
		return new Days(availability.days(query).stream().map(day -> new Day(day.date(), day.slots())).toList());
	}

	@GetMapping
	@Operation(summary = "The start times of a range (at most 31 days) where the whole visit fits, earliest first; "
			+ "with anywhere=true the earliest across all locations that offer the procedures")
	Slots slots(@ParameterObject AvailabilityParameters parameters,
			@Parameter(description = "how many start times at most (anywhere: 20 unless given)") @RequestParam(
					required = false) @Nullable Integer limit) {
		AvailabilityQuery query = query(parameters, Availability.MAX_SLOT_DAYS);
		int max = limit == null ? (query.anywhere() ? DEFAULT_LIMIT : MAX_LIMIT) : limit;
		if (max < 1 || max > MAX_LIMIT) {
			RequestParsing parsing = new RequestParsing();
			parsing.problem("limit", "booking.error.limit.invalid", MAX_LIMIT);
			parsing.done();
		}
		return new Slots(availability.slots(query, max).stream().map(slot -> SlotView.of(slot, times)).toList());
	}

	private AvailabilityQuery query(AvailabilityParameters parameters, int maxDays) {
		RequestParsing parsing = new RequestParsing();
		var items = parsing.items("procedure", parameters.procedure(), parsing.quantities(parameters.quantity()));
		boolean everywhere = Boolean.TRUE.equals(parameters.anywhere());
		String location = parameters.location();
		LocationId where = parsing.location("location", location, !everywhere);
		if (everywhere && location != null && !location.isBlank()) {
			parsing.problem("location", "booking.error.location.choose");
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate first = parsing.date("from", parameters.from(), today);
		LocalDate last = parsing.date("to", parameters.to(), first == null ? today : first.plusDays(maxDays - 1));
		if (first != null && last != null && last.isBefore(first)) {
			parsing.problem("to", "booking.error.range.reversed");
		}
		parsing.done();
		return new AvailabilityQuery(items, everywhere ? null : where, first, last, Channel.ONLINE,
				parameters.interpreterLanguage());
	}

	record Days(List<Day> days) {
	}

	record Day(LocalDate date, int slots) {
	}

	record Slots(List<SlotView> slots) {
	}

	record SlotView(String location,
			@Schema(type = "string", format = "date-time", example = "2026-12-08T09:00:00+01:00") String start,
			@Schema(type = "string", format = "date-time", example = "2026-12-08T09:15:00+01:00") String end,
			int free) {

		static SlotView of(Slot slot, SlotTimes times) {
			return new SlotView(slot.location().value(), times.format(slot.start()), times.format(slot.end()),
					slot.free());
		}

	}

}
