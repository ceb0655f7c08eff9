package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntSupplier;

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
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;
import org.jspecify.annotations.Nullable;

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
	static final Interpreters.FreeTimes ANY_TIME = (start, end) -> true;

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
		List<Offer> where = offersFor(query);
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(city.zone()));
		Interpreters.FreeTimes interpreter = interpreterTimes(query);
		List<DayAvailability> days = new ArrayList<>();
		for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
			int slots = 0;
			for (Offer offer : where) {
				slots += count(offer, date, query.items(), query.channel(), now, interpreter);
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
		List<Offer> where = offersFor(query);
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(city.zone()));
		Interpreters.FreeTimes interpreter = interpreterTimes(query);
		List<Slot> result = new ArrayList<>();
		for (LocalDate date = query.from(); !date.isAfter(query.to())
				&& result.size() < limit; date = date.plusDays(1)) {
			List<StartTimes> day = new ArrayList<>(where.size());
			for (Offer offer : where) {
				StartTimes times = startTimes(offer, date, query.items(), query.channel(), now, interpreter);
				if (times != null) {
					day.add(times);
				}
			}
			result.addAll(earliest(day, limit - result.size()));
		}
		return result;
	}

	/**
	 * The earliest {@code count} start times of the locations' day; at the same time in
	 * the order of the locations' ids. Merged, each location's times found one at a time
	 * and only as far as needed: "anywhere" meets 45 offices a day in Berlin to list 20
	 * times, and working out 20 for each office was most of its time.
	 */
	static List<Slot> earliest(List<? extends StartTimes> byLocation, int count) {
		List<Slot> earliest = new ArrayList<>(Math.clamp(count, 0, 64));
		if (count <= 0) {
			return earliest;
		}
		PriorityQueue<StartTimes> queue = new PriorityQueue<>(byLocation.size() + 1, StartTimes.EARLIEST);
		for (StartTimes times : byLocation) {
			if (times.next()) {
				queue.add(times);
			}
		}
		while (earliest.size() < count && !queue.isEmpty()) {
			StartTimes next = queue.poll();
			earliest.add(next.slot());
			if (next.next()) {
				queue.add(next);
			}
		}
		return earliest;
	}

	/**
	 * The start times of one day at one location where the visit fits, earliest first.
	 */
	List<Slot> slotsOn(LocationId location, LocalDate date, List<VisitItem> items, Channel channel, ZonedDateTime now,
			int limit) {
		Offer offer = offer(location, pools.candidates(location, VisitSizing.procedures(items)));
		StartTimes times = startTimes(offer, date, items, channel, now, ANY_TIME);
		return times == null ? List.of() : earliest(List.of(times), limit);
	}

	/**
	 * How many start times one location's day has for the visit. Remembered by the day
	 * until its booked seats change (many ask for the same calendar), except where an
	 * interpreter is needed or the day opens for the channel only later (today's).
	 */
	private int count(Offer offer, LocalDate date, List<VisitItem> items, Channel channel, ZonedDateTime now,
			Interpreters.FreeTimes interpreter) {
		if (offer.candidates().isEmpty() || date.isBefore(now.toLocalDate())) {
			return 0;
		}
		DayCapacity day = offer.days().day(date);
		Instant earliest = earliest(offer, date, channel, now);
		if (earliest == null) {
			return 0;
		}
		int units = sizing.units(items, day.gridMinutes());
		IntSupplier count = () -> startTimes(offer, day, channel, units, earliest, interpreter).count();
		if (interpreter != ANY_TIME || day.size() == 0 || earliest.isAfter(day.unit(0))) {
			return count.getAsInt();
		}
		return day.counted(offer.candidates(), units, channel, count);
	}

	/**
	 * The start times of one day at one location where the visit fits and an interpreter
	 * is free, to be walked earliest first; {@code null} where there can be none.
	 */
	private @Nullable DayStartTimes startTimes(Offer offer, LocalDate date, List<VisitItem> items, Channel channel,
			ZonedDateTime now, Interpreters.FreeTimes interpreter) {
		if (offer.candidates().isEmpty() || date.isBefore(now.toLocalDate())) {
			return null;
		}
		DayCapacity day = offer.days().day(date);
		Instant earliest = earliest(offer, date, channel, now);
		if (earliest == null) {
			return null;
		}
		return startTimes(offer, day, channel, sizing.units(items, day.gridMinutes()), earliest, interpreter);
	}

	private DayStartTimes startTimes(Offer offer, DayCapacity day, Channel channel, int units, Instant earliest,
			Interpreters.FreeTimes interpreter) {
		List<Pool> candidates = offer.candidates();
		DayCapacity.Free[] free = new DayCapacity.Free[candidates.size()];
		for (int pool = 0; pool < free.length; pool++) {
			free[pool] = day.free(candidates.get(pool).id(), channel);
		}
		return new DayStartTimes(offer.location(), day, free, units, earliest, interpreter);
	}

	/**
	 * The first moment of the day a visit may start: online from the end of the lead time
	 * ({@code null} today after the cut-off), else after now.
	 */
	private static @Nullable Instant earliest(Offer offer, LocalDate date, Channel channel, ZonedDateTime now) {
		return channel == Channel.ONLINE ? offer.rules().firstOnlineStart(date, now) : now.toInstant().plusNanos(1);
	}

	/** A location's start times on one day, earliest first, found one at a time. */
	interface StartTimes {

		/** Earliest first; at the same time in the order of the locations' ids. */
		Comparator<StartTimes> EARLIEST = Comparator.comparingLong(StartTimes::second)
			.thenComparing(times -> times.location().value());

		/** Moves on to the next start time: {@code false} when there is none left. */
		boolean next();

		/** The current start time in seconds of the epoch. */
		long second();

		LocationId location();

		/** The current start time as a slot. */
		Slot slot();

	}

	/** One location's day in the index, walked unit by unit. */
	static final class DayStartTimes implements StartTimes {

		private final LocationId location;

		private final DayCapacity day;

		private final DayCapacity.Free[] free;

		private final int units;

		private final long seconds;

		/** The first second a visit may start (its start times are whole seconds). */
		private final long earliest;

		private final Interpreters.FreeTimes interpreter;

		private int first = -1;

		DayStartTimes(LocationId location, DayCapacity day, DayCapacity.Free[] free, int units, Instant earliest,
				Interpreters.FreeTimes interpreter) {
			this.location = location;
			this.day = day;
			this.free = free;
			this.units = units;
			this.seconds = units * day.gridMinutes() * 60L;
			this.earliest = earliest.getEpochSecond() + (earliest.getNano() > 0 ? 1 : 0);
			this.interpreter = interpreter;
		}

		/**
		 * How many start times the day has, without walking them (the calendar's
		 * question, asked of a cursor not yet moved): per pool, how many units from each
		 * on follow each other with a seat free, counted from the day's end; a start fits
		 * where one pool's run is as long as the visit.
		 */
		int count() {
			if (interpreter != ANY_TIME) {
				int count = 0;
				while (next()) {
					count++;
				}
				return count;
			}
			int size = day.size();
			long step = day.gridMinutes() * 60L;
			boolean[] fits = new boolean[size];
			for (DayCapacity.Free seats : free) {
				if (seats == null) {
					continue;
				}
				// units from here on with a seat free, following each other
				int run = 0;
				for (int unit = size - 1; unit >= 0; unit--) {
					boolean followed = unit + 1 < size && day.second(unit + 1) - day.second(unit) == step;
					run = seats.at(unit) > 0 ? 1 + (followed ? run : 0) : 0;
					fits[unit] |= run >= units;
				}
			}
			int count = 0;
			for (int unit = 0; unit < size; unit++) {
				if (fits[unit] && day.second(unit) >= earliest) {
					count++;
				}
			}
			return count;
		}

		@Override
		public boolean next() {
			while (++first + units <= day.size()) {
				if (day.second(first) >= earliest && fits() && day.contiguous(first, units) && interpreterFree()) {
					return true;
				}
			}
			first = day.size();
			return false;
		}

		/** Whether one of the pools has a seat free in each unit of a visit from here. */
		private boolean fits() {
			for (DayCapacity.Free seats : free) {
				if (seats != null && seats.fewest(first, units) > 0) {
					return true;
				}
			}
			return false;
		}

		private boolean interpreterFree() {
			if (interpreter == ANY_TIME) {
				return true;
			}
			Instant start = day.unit(first);
			return interpreter.anyFree(start, start.plusSeconds(seconds));
		}

		@Override
		public long second() {
			return day.second(first);
		}

		@Override
		public LocationId location() {
			return location;
		}

		@Override
		public Slot slot() {
			Instant start = day.unit(first);
			return new Slot(location, start, start.plusSeconds(seconds), visitsFrom(free, first, units));
		}

	}

	/**
	 * How many more visits of {@code units} units from unit {@code first} on all pools
	 * together could take: per pool the fewest free seats among those units (none where a
	 * pool has more booked than seats: that does not take from the others).
	 */
	static int visitsFrom(DayCapacity.Free[] free, int first, int units) {
		int visits = 0;
		for (DayCapacity.Free seats : free) {
			if (seats != null) {
				visits += Math.max(0, seats.fewest(first, units));
			}
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

	/** The query's locations with the pools that could serve its procedures there. */
	private List<Offer> offersFor(AvailabilityQuery query) {
		var procedures = VisitSizing.procedures(query.items());
		if (query.anywhere()) {
			return pools.serving(procedures)
				.entrySet()
				.stream()
				.map(served -> offer(served.getKey(), served.getValue()))
				.toList();
		}
		LocationId location = query.location();
		if (locations.find(location).isEmpty()) {
			throw BookingException.Invalid.of("location", "booking.error.location.unknown", location.value());
		}
		List<Pool> candidates = pools.candidates(location, procedures);
		if (candidates.isEmpty()) {
			throw BookingException.Invalid.of("location", "booking.error.location.notOffered", location.value());
		}
		return List.of(offer(location, candidates));
	}

	private Offer offer(LocationId location, List<Pool> candidates) {
		return new Offer(location, candidates, index.days(location), rules.rules(location));
	}

	/**
	 * A location, its pools that could serve a visit (in the order they are tried), its
	 * days in the index and its rules: looked up once per question, not per day.
	 */
	private record Offer(LocationId location, List<Pool> candidates, AvailabilityIndex.Days days, LocationRules rules) {
	}

}
