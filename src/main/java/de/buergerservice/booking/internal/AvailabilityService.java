package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.DayAvailability;
import de.buergerservice.booking.Interpreters;
import de.buergerservice.booking.LocationRules;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Answers availability from the in-memory index: a start time is listed if a visit fits
 * in one pool for all its units without a gap, the rules allow it (released, not too
 * late), and {@code free} says how many more such visits all candidate pools could still
 * take then.
 */
@Service
class AvailabilityService implements Availability {

	/** No interpreter needed: every time will do. */
	private static final Interpreters.FreeTimes ANY_TIME = (start, end) -> true;

	private final AvailabilityIndex index;

	private final PoolDirectory pools;

	private final VisitSizing sizing;

	private final RulesRepository rules;

	private final Locations locations;

	private final Clock clock;

	private final City city;

	private final AppointmentService appointments;

	private final ObjectProvider<Interpreters> interpreters;

	AvailabilityService(AvailabilityIndex index, PoolDirectory pools, VisitSizing sizing, RulesRepository rules,
			Locations locations, Clock clock, City city, AppointmentService appointments,
			ObjectProvider<Interpreters> interpreters) {
		this.index = index;
		this.pools = pools;
		this.sizing = sizing;
		this.rules = rules;
		this.locations = locations;
		this.clock = clock;
		this.city = city;
		this.appointments = appointments;
		this.interpreters = interpreters;
	}

	@Override
	public List<DayAvailability> days(AvailabilityQuery query) {
		check(query, MAX_DAYS);
		List<LocationId> where = locationsFor(query);
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(city.zone()));
		Interpreters.FreeTimes interpreter = interpreterTimes(query);
		List<DayAvailability> days = new ArrayList<>();
		for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
			int slots = 0;
			for (LocationId location : where) {
				slots += slotsOn(location, date, query.items(), query.channel(), now, Integer.MAX_VALUE, interpreter)
					.size();
			}
			if (slots > 0) {
				days.add(new DayAvailability(date, slots));
			}
		}
		return days;
	}

	@Override
	public List<Slot> slots(AvailabilityQuery query, int limit) {
		check(query, MAX_SLOT_DAYS);
		List<LocationId> where = locationsFor(query);
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(city.zone()));
		Interpreters.FreeTimes interpreter = interpreterTimes(query);
		List<Slot> result = new ArrayList<>();
		for (LocalDate date = query.from(); !date.isAfter(query.to())
				&& result.size() < limit; date = date.plusDays(1)) {
			List<List<Slot>> day = new ArrayList<>(where.size());
			for (LocationId location : where) {
				day.add(slotsOn(location, date, query.items(), query.channel(), now, limit - result.size(),
						interpreter));
			}
			result.addAll(earliest(day, limit - result.size()));
		}
		return result;
	}

	/**
	 * The earliest {@code count} of the locations' slots, each location's earliest first;
	 * at the same time in the order of the locations' ids. Merged, not sorted: "anywhere"
	 * meets up to {@code count} slots of each of 45 offices a day, and sorting them all
	 * was two fifths of its time in the Berlin benchmark.
	 */
	static List<Slot> earliest(List<List<Slot>> byLocation, int count) {
		PriorityQueue<Next> queue = new PriorityQueue<>(byLocation.size() + 1, Next.EARLIEST);
		for (List<Slot> slots : byLocation) {
			if (!slots.isEmpty()) {
				queue.add(new Next(slots, 0));
			}
		}
		List<Slot> earliest = new ArrayList<>(Math.max(0, count));
		while (earliest.size() < count && !queue.isEmpty()) {
			Next next = queue.poll();
			earliest.add(next.slot());
			if (next.index() + 1 < next.slots().size()) {
				queue.add(new Next(next.slots(), next.index() + 1));
			}
		}
		return earliest;
	}

	/** A location's next slot in {@link #earliest}. */
	private record Next(List<Slot> slots, int index) {

		static final Comparator<Next> EARLIEST = Comparator.comparing((Next next) -> next.slot().start())
			.thenComparing(next -> next.slot().location().value());

		Slot slot() {
			return slots.get(index);
		}

	}

	/**
	 * The start times of one day at one location where the visit fits, earliest first.
	 */
	List<Slot> slotsOn(LocationId location, LocalDate date, List<VisitItem> items, Channel channel, ZonedDateTime now,
			int limit) {
		return slotsOn(location, date, items, channel, now, limit, ANY_TIME);
	}

	/**
	 * The start times of one day at one location where the visit fits and an interpreter
	 * is free, earliest first.
	 */
	private List<Slot> slotsOn(LocationId location, LocalDate date, List<VisitItem> items, Channel channel,
			ZonedDateTime now, int limit, Interpreters.FreeTimes interpreter) {
		List<Pool> candidates = pools.candidates(location, VisitSizing.procedures(items));
		if (candidates.isEmpty() || date.isBefore(now.toLocalDate())) {
			return List.of();
		}
		DayCapacity day = index.day(location, date);
		int units = sizing.units(items, day.gridMinutes());
		LocationRules locationRules = rules.rules(location);
		Duration length = Duration.ofMinutes((long) units * day.gridMinutes());
		int[][] free = new int[candidates.size()][];
		for (int pool = 0; pool < free.length; pool++) {
			free[pool] = day.free(candidates.get(pool).id(), channel);
		}
		// online: from the end of the lead time (none today after the cut-off); else
		// after now
		Instant earliest = channel == Channel.ONLINE ? locationRules.firstOnlineStart(date, now)
				: now.toInstant().plusNanos(1);
		List<Slot> slots = new ArrayList<>();
		for (int first = 0; earliest != null && first + units <= day.size() && slots.size() < limit; first++) {
			int visits = visitsFrom(free, first, units);
			if (visits <= 0 || !day.contiguous(first, units)) {
				continue;
			}
			Instant start = day.unit(first);
			if (!start.isBefore(earliest) && interpreter.anyFree(start, start.plus(length))) {
				slots.add(new Slot(location, start, start.plus(length), visits));
			}
		}
		return slots;
	}

	/**
	 * How many more visits of {@code units} units from unit {@code first} on all pools
	 * together could take: per pool the fewest free seats among those units.
	 */
	private static int visitsFrom(int[][] free, int first, int units) {
		int visits = 0;
		for (int[] seats : free) {
			if (seats == null) {
				continue;
			}
			int poolFree = Integer.MAX_VALUE;
			for (int unit = first; unit < first + units && poolFree > 0; unit++) {
				poolFree = Math.min(poolFree, seats[unit]);
			}
			visits += poolFree;
		}
		return visits;
	}

	/**
	 * The free times of the interpreters of the query's language over its days (checked:
	 * offered for its procedures), or any time for a query without one.
	 */
	private Interpreters.FreeTimes interpreterTimes(AvailabilityQuery query) {
		String language = appointments.interpreterLanguage(query.items(), query.interpreterLanguage());
		if (language == null) {
			return ANY_TIME;
		}
		return interpreters.getObject()
			.free(language, query.from().atStartOfDay(city.zone()).toInstant(),
					query.to().plusDays(1).atStartOfDay(city.zone()).toInstant());
	}

	private void check(AvailabilityQuery query, int maxDays) {
		sizing.check(query.items());
		if (query.days() > maxDays) {
			throw BookingException.Invalid.of("to", "booking.error.range.tooLong", maxDays);
		}
	}

	private List<LocationId> locationsFor(AvailabilityQuery query) {
		var procedures = VisitSizing.procedures(query.items());
		if (query.anywhere()) {
			return pools.offering(procedures).stream().map(Location::id).toList();
		}
		LocationId location = query.location();
		if (locations.find(location).isEmpty()) {
			throw BookingException.Invalid.of("location", "booking.error.location.unknown", location.value());
		}
		if (pools.candidates(location, procedures).isEmpty()) {
			throw BookingException.Invalid.of("location", "booking.error.location.notOffered", location.value());
		}
		return List.of(location);
	}

}
