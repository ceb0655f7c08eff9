package de.buergerservice.booking.web;

import java.text.Collator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.DayAvailability;
import de.buergerservice.booking.Interpreters;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.internal.PoolDirectory;
import de.buergerservice.booking.internal.RulesRepository;
import de.buergerservice.booking.internal.VisitSizing;
import de.buergerservice.booking.web.StepException.Step;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.MobileKit;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the booking pages have in common: reading the choices carried in the query string
 * (and saying which step must put a wrong one right), the release window, and the view
 * models of the steps, built from booking's facades.
 */
@Component
class BookingSteps {

	/** Searching anywhere, the times page shows this many per location. */
	static final int TIMES_PER_LOCATION = 8;

	/** More start times than one day can have anywhere in the city. */
	private static final int ALL_SLOTS = 10_000;

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private final Catalog catalog;

	private final Locations locations;

	private final Appointments appointments;

	private final Availability availability;

	private final PoolDirectory pools;

	private final RulesRepository rules;

	private final VisitSizing sizing;

	private final Clock clock;

	private final ObjectProvider<Interpreters> interpreters;

	private final ZoneId zone;

	BookingSteps(Catalog catalog, Locations locations, Appointments appointments, Availability availability,
			PoolDirectory pools, RulesRepository rules, VisitSizing sizing, Clock clock, City city,
			ObjectProvider<Interpreters> interpreters) {
		this.interpreters = interpreters;
		this.catalog = catalog;
		this.locations = locations;
		this.appointments = appointments;
		this.availability = availability;
		this.pools = pools;
		this.rules = rules;
		this.sizing = sizing;
		this.clock = clock;
		this.zone = city.zone();
	}

	// Reading the choices

	/**
	 * The chosen procedures and quantities, checked as booking checks them.
	 * @throws StepException for the procedures step
	 */
	List<VisitItem> items(StepParameters parameters) {
		List<String> ids = chosenIds(parameters.leistung());
		RequestParsing parsing = new RequestParsing();
		Map<String, String> quantities = new LinkedHashMap<>();
		parsing.quantities(parameters.anzahl()).forEach((id, quantity) -> {
			if (ids.contains(id)) {
				quantities.put(id, quantity);
			}
		});
		List<VisitItem> items = parsing.items("procedures", ids, quantities);
		try {
			parsing.done();
			sizing.check(items);
		}
		catch (BookingException.Invalid ex) {
			throw new StepException(Step.PROCEDURES, ex.problems(), HttpStatus.BAD_REQUEST);
		}
		return items;
	}

	/**
	 * The locations that can serve the whole visit in one go, in the city's order.
	 * @throws StepException for the procedures step if there is none
	 */
	List<Location> offering(List<VisitItem> items) {
		List<Location> offering = pools.offering(VisitSizing.procedures(items));
		if (offering.isEmpty()) {
			throw StepException.of(Step.PROCEDURES, "procedures", "booking.error.procedures.nowhere");
		}
		return offering;
	}

	/**
	 * The visit of a step after the location was chosen, or the appointment being moved.
	 * @throws StepException for the step that can put a wrong parameter right
	 * @throws NotFoundException in move mode for a wrong reference or token
	 */
	Visit visit(StepParameters parameters, Locale locale) {
		if (parameters.moving()) {
			return moving(parameters.verschieben(), parameters.token());
		}
		List<VisitItem> items = items(parameters);
		List<Location> offering = offering(items);
		String where = parameters.ort() == null ? "" : parameters.ort().strip();
		if (where.isEmpty()) {
			throw StepException.of(Step.LOCATION, "location", "booking.page.location.required");
		}
		String interpreter = interpreter(items, parameters.dolmetschen());
		if (Visit.ANYWHERE.equals(where)) {
			return new Visit(items, null, true, null, interpreter);
		}
		Location location = LocationId.isValid(where) ? locations.find(LocationId.of(where)).orElse(null) : null;
		if (location == null) {
			throw StepException.of(Step.LOCATION, "location", "booking.error.location.unknown", where);
		}
		if (!offering.contains(location)) {
			throw StepException.of(Step.LOCATION, "location", "booking.error.location.notOffered",
					location.name().in(locale));
		}
		return new Visit(items, location.id(), "ja".equals(parameters.ueberall()), null, interpreter);
	}

	/**
	 * The languages a visit of these procedures may have a video interpreter in, as
	 * choices named in the page's language (the JDK's names), alphabetically; empty when
	 * one of the procedures takes none.
	 */
	List<LanguageChoice> interpreterLanguages(List<VisitItem> items, Locale locale) {
		Interpreters available = interpreters.getIfAvailable();
		if (available == null) {
			return List.of();
		}
		Collator order = Collator.getInstance(locale);
		return available.languages(Set.copyOf(VisitSizing.procedures(items)))
			.stream()
			.map(code -> new LanguageChoice(code, Locale.of(code).getDisplayLanguage(locale)))
			.sorted(Comparator.comparing(LanguageChoice::name, order))
			.toList();
	}

	/**
	 * The interpreter's language asked for, checked against what the procedures offer.
	 * @throws StepException for the location step, where the language is chosen
	 */
	private @Nullable String interpreter(List<VisitItem> items, @Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return null;
		}
		String code = requested.strip();
		Interpreters available = interpreters.getIfAvailable();
		if (available == null || !available.offered(Set.copyOf(VisitSizing.procedures(items)), code)) {
			throw StepException.of(Step.LOCATION, "dolmetschen", "booking.error.interpreter.notOffered",
					code.length() > 20 ? code.substring(0, 20) : code);
		}
		return code;
	}

	/** A language a video interpreter can be booked in, named for the page. */
	record LanguageChoice(String code, String name) {
	}

	/**
	 * The visit of the last step: at the location where a time was chosen.
	 * @throws StepException for the step that can put a wrong parameter right
	 */
	Visit visitAt(StepParameters parameters, Locale locale) {
		Visit visit = visit(parameters, locale);
		if (visit.location() == null) {
			throw StepException.of(Step.TIME, "zeit", "booking.page.time.required");
		}
		return visit;
	}

	/**
	 * The appointment being moved, as a visit at its location.
	 * @throws NotFoundException for a wrong reference or token, or an appointment that is
	 * no longer active
	 */
	Visit moving(@Nullable String reference, @Nullable String token) {
		Appointment appointment = appointment(reference, token).filter(found -> found.status().isActive())
			.orElseThrow(BookingSteps::notFound);
		return new Visit(appointment.items(), appointment.location(), false,
				new Visit.Move(appointment.reference(), new AccessToken(Objects.requireNonNull(token))),
				appointment.interpreterLanguage());
	}

	/** An appointment for the holder of its private token. */
	Optional<Appointment> appointment(@Nullable String reference, @Nullable String token) {
		if (reference == null || token == null || !AppointmentReference.isValid(reference)
				|| !AccessToken.isValid(token)) {
			return Optional.empty();
		}
		return appointments.find(AppointmentReference.of(reference), new AccessToken(token));
	}

	static NotFoundException notFound() {
		return new NotFoundException("booking.page.manage.notFound");
	}

	/**
	 * The chosen day, inside the release window.
	 * @throws StepException for the day step
	 */
	LocalDate day(@Nullable String value, Visit visit, Locale locale) {
		if (value == null || value.isBlank()) {
			throw StepException.of(Step.DAY, "tag", "booking.page.day.required");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw StepException.of(Step.DAY, "tag", "booking.error.format.date");
		}
		Window window = window(visit);
		if (!window.contains(day)) {
			DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
			throw StepException.of(Step.DAY, "tag", "booking.page.day.outside", format.format(window.first()),
					format.format(window.last()));
		}
		return day;
	}

	/**
	 * The chosen start time on a day.
	 * @throws StepException for the times step
	 */
	ZonedDateTime start(LocalDate day, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw StepException.of(Step.TIME, "zeit", "booking.page.time.required");
		}
		if (!TIME.matcher(value.strip()).matches()) {
			throw StepException.of(Step.TIME, "zeit", "booking.page.time.invalid");
		}
		return ZonedDateTime.of(day, LocalTime.parse(value.strip()), zone);
	}

	/**
	 * The free start time of a visit at its location in a channel's quota, if it still is
	 * free.
	 * @throws StepException for the times step (409) if it is not
	 */
	Slot freeSlot(Visit visit, ZonedDateTime start, Channel channel) {
		LocationId location = Objects.requireNonNull(visit.location());
		return availability
			.slots(new AvailabilityQuery(visit.items(), location, start.toLocalDate(), start.toLocalDate(), channel,
					visit.interpreter()), ALL_SLOTS)
			.stream()
			.filter(slot -> slot.location().equals(location) && slot.start().equals(start.toInstant()))
			.findFirst()
			.orElseThrow(
					() -> StepException.of(Step.TIME, "zeit", "booking.page.time.taken").with(HttpStatus.CONFLICT));
	}

	/**
	 * The procedures for a fresh choice: from {@code leistung}, or a life event's
	 * bookable ones, with a problem for each unknown or unbookable one.
	 */
	Prefill prefill(StepParameters parameters) {
		Map<ProcedureId, Integer> chosen = new LinkedHashMap<>();
		List<BookingException.Problem> problems = new ArrayList<>();
		for (String id : chosenIds(parameters.leistung())) {
			Optional<Procedure> procedure = ProcedureId.isValid(id) ? catalog.procedure(ProcedureId.of(id))
					: Optional.empty();
			if (procedure.isEmpty()) {
				problems.add(problem("procedures", "booking.error.procedure.unknown", id));
			}
			else if (!procedure.get().bookable()) {
				problems.add(problem("procedures", "booking.error.procedure.notBookable", id));
			}
			else {
				chosen.put(procedure.get().id(), 1);
			}
		}
		String event = parameters.lebenslage();
		if (event != null && !event.isBlank()) {
			Optional<LifeEvent> lifeEvent = LifeEventId.isValid(event.strip())
					? catalog.lifeEvent(LifeEventId.of(event.strip())) : Optional.empty();
			if (lifeEvent.isEmpty()) {
				problems.add(problem("procedures", "booking.page.procedures.lifeEventUnknown", event.strip()));
			}
			else {
				lifeEvent.get()
					.procedures()
					.stream()
					.map(catalog::procedure)
					.flatMap(Optional::stream)
					.filter(Procedure::bookable)
					.forEach(procedure -> chosen.putIfAbsent(procedure.id(), 1));
			}
		}
		if (parameters.anzahl() != null) {
			for (String value : parameters.anzahl()) {
				String[] parts = value == null ? new String[0] : value.split(":", 2);
				if (parts.length == 2 && ProcedureId.isValid(parts[0]) && parts[1].matches("\\d{1,2}")
						&& chosen.containsKey(ProcedureId.of(parts[0]))) {
					chosen.put(ProcedureId.of(parts[0]), Math.max(1, Integer.parseInt(parts[1])));
				}
			}
		}
		return new Prefill(chosen, problems);
	}

	private static List<String> chosenIds(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter(value -> !value.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new))
			.stream()
			.toList();
	}

	private static BookingException.Problem problem(String field, String key, Object... arguments) {
		return new BookingException.Problem(field, key, List.of(arguments));
	}

	// The release window

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * The days a visit can be booked on now: from today to the last day released at its
	 * location (searching anywhere: at any location that offers it).
	 */
	Window window(Visit visit) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
		LocalDate today = now.toLocalDate();
		List<LocationId> where = visit.location() != null ? List.of(visit.location())
				: pools.offering(VisitSizing.procedures(visit.items())).stream().map(Location::id).toList();
		LocalDate last = where.stream()
			.map(location -> rules.rules(location).releasedThrough(now))
			.max(Comparator.naturalOrder())
			.orElse(today);
		LocalDate cap = today.plusDays(Availability.MAX_DAYS - 1);
		return new Window(today, last.isAfter(cap) ? cap : last.isBefore(today) ? today : last);
	}

	// View models

	/** Every bookable procedure by department, the chosen ones marked. */
	List<DepartmentChoice> procedureChoices(Map<ProcedureId, Integer> chosen, Locale locale) {
		Map<String, List<ProcedureChoice>> byDepartment = catalog.procedures()
			.stream()
			.filter(Procedure::bookable)
			.filter(procedure -> !chosen.containsKey(procedure.id()))
			.sorted(Comparator.comparing(procedure -> procedure.name().in(locale)))
			.map(procedure -> ProcedureChoice.of(procedure, 1, false))
			.collect(Collectors.groupingBy(choice -> choice.procedure().departmentId(), LinkedHashMap::new,
					Collectors.toList()));
		List<DepartmentChoice> result = new ArrayList<>();
		for (Department department : locations.departments()) {
			List<ProcedureChoice> procedures = byDepartment.get(department.id());
			if (procedures != null) {
				result.add(new DepartmentChoice(department, procedures));
			}
		}
		return result;
	}

	/** The chosen procedures, checked, with their quantities. */
	List<ProcedureChoice> chosenChoices(Map<ProcedureId, Integer> chosen) {
		return chosen.entrySet()
			.stream()
			.flatMap(entry -> catalog.procedure(entry.getKey())
				.map(procedure -> ProcedureChoice.of(procedure, entry.getValue(), true))
				.stream())
			.toList();
	}

	/** The procedures of a visit, for its summary. */
	List<ChosenProcedure> chosen(List<VisitItem> items) {
		return items.stream()
			.flatMap(item -> catalog.procedure(item.procedure())
				.map(procedure -> new ChosenProcedure(procedure, item.quantity()))
				.stream())
			.toList();
	}

	/** About how long the visit takes at the counter, in minutes. */
	int minutes(List<VisitItem> items) {
		return chosen(items).stream()
			.mapToInt(chosen -> chosen.procedure().durationMinutes() * chosen.quantity())
			.sum();
	}

	/**
	 * The month of a calendar: each day in the window that has room links to its times. A
	 * month that is malformed or outside the window shows the first month with room, and
	 * the problem.
	 * @param requested the month asked for, or {@code null} for the first with room
	 */
	CalendarMonth month(Visit visit, @Nullable String requested, Locale locale) {
		Window window = window(visit);
		Map<LocalDate, Integer> free = freeDays(visit, window, Flow.ONLINE.channel());
		YearMonth first = YearMonth.from(window.first());
		YearMonth last = YearMonth.from(window.last());
		YearMonth fallback = free.keySet().stream().findFirst().map(YearMonth::from).orElse(first);
		YearMonth month = fallback;
		List<BookingException.Problem> problems = new ArrayList<>();
		if (requested != null && !requested.isBlank()) {
			try {
				month = YearMonth.parse(requested.strip());
				if (month.isBefore(first) || month.isAfter(last)) {
					DateTimeFormatter format = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
					problems
						.add(problem("monat", "booking.page.month.outside", format.format(first), format.format(last)));
					month = fallback;
				}
			}
			catch (DateTimeException ex) {
				problems.add(problem("monat", "booking.page.month.invalid"));
			}
		}
		LocalDate today = window.first();
		List<List<CalendarDay>> weeks = new ArrayList<>();
		LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate end = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		int freeDays = 0;
		while (!day.isAfter(end)) {
			List<CalendarDay> week = new ArrayList<>();
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				if (!YearMonth.from(day).equals(month)) {
					week.add(CalendarDay.EMPTY);
					continue;
				}
				int slots = free.getOrDefault(day, 0);
				if (slots > 0) {
					freeDays++;
				}
				week.add(new CalendarDay(day, slots, slots > 0 ? visit.link("/termin/zeit", "tag", day) : null,
						day.equals(today), window.contains(day)));
			}
			weeks.add(week);
		}
		List<String> weekdays = new ArrayList<>();
		List<String> weekdayNames = new ArrayList<>();
		for (DayOfWeek weekday : DayOfWeek.values()) {
			weekdays.add(weekday.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
			weekdayNames.add(weekday.getDisplayName(TextStyle.FULL_STANDALONE, locale));
		}
		return new CalendarMonth(month.atDay(1), weeks, weekdays, weekdayNames,
				month.isAfter(first) ? visit.link("/termin/tag", "monat", month.minusMonths(1)) : null,
				month.isBefore(last) ? visit.link("/termin/tag", "monat", month.plusMonths(1)) : null, freeDays,
				!free.isEmpty(), window, problems);
	}

	/**
	 * The days of the window with room for a visit in a channel's quota, and on how many
	 * start times it fits, earliest first.
	 */
	Map<LocalDate, Integer> freeDays(Visit visit, Window window, Channel channel) {
		Map<LocalDate, Integer> free = new LinkedHashMap<>();
		for (DayAvailability day : availability.days(new AvailabilityQuery(visit.items(), visit.location(),
				window.first(), window.last(), channel, visit.interpreter()))) {
			free.put(day.date(), day.slots());
		}
		return free;
	}

	/**
	 * The free start times of a day in a flow's quota: at the chosen location, or
	 * searching anywhere per location, the earliest location first; each links to the
	 * flow's form (in move mode, to moving).
	 */
	List<TimeGroup> times(Visit visit, LocalDate day, Flow flow, Locale locale) {
		List<Slot> slots = availability.slots(
				new AvailabilityQuery(visit.items(), visit.location(), day, day, flow.channel(), visit.interpreter()),
				ALL_SLOTS);
		Map<LocationId, List<Slot>> byLocation = slots.stream()
			.collect(Collectors.groupingBy(Slot::location, LinkedHashMap::new, Collectors.toList()));
		List<TimeGroup> groups = new ArrayList<>();
		byLocation.forEach((id, found) -> locations.find(id).ifPresent(location -> {
			boolean all = visit.location() != null;
			Visit there = visit.at(id);
			List<TimeLink> times = found.stream().limit(all ? Integer.MAX_VALUE : TIMES_PER_LOCATION).map(slot -> {
				LocalTime time = slot.start().atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
				return new TimeLink(time, timeLink(there, day, time, flow));
			}).toList();
			String allTimes = all || found.size() <= TIMES_PER_LOCATION ? null
					: new Visit(visit.items(), id, false, visit.move(), visit.interpreter()).link(flow.times(), "tag",
							day);
			groups.add(new TimeGroup(location, place(location, day, locale), times, found.size(), allTimes));
		}));
		return groups;
	}

	private static String timeLink(Visit visit, LocalDate day, LocalTime time, Flow flow) {
		Visit.Move move = visit.move();
		if (move != null) {
			return UriComponentsBuilder.fromPath("/termin/verwalten/{reference}/verschieben")
				.queryParam("token", move.token().value())
				.queryParam("tag", day)
				.queryParam("zeit", time)
				.buildAndExpand(move.reference().value())
				.toUriString();
		}
		return visit.link(flow.details(), "tag", day, "zeit", time);
	}

	/**
	 * Where a location receives on a day: its address, or for the mobile kit the place of
	 * its stop.
	 */
	Place place(Location location, LocalDate day, Locale locale) {
		MobileKit kit = location.kit();
		if (kit != null) {
			Optional<MobileKit.Stop> stop = kit.stopOn(day);
			if (stop.isPresent()) {
				return new Place(location.name().in(locale), stop.get().place().name().in(locale),
						stop.get().place().address().line());
			}
		}
		return new Place(location.name().in(locale), null, location.address().line());
	}

	/** When a visit that starts then ends, on its location's grid. */
	ZonedDateTime end(Visit visit, ZonedDateTime start) {
		Location location = location(Objects.requireNonNull(visit.location()));
		return start.plusMinutes((long) sizing.units(visit.items(), location.gridMinutes()) * location.gridMinutes());
	}

	Location location(LocationId id) {
		return locations.find(id).orElseThrow(() -> new NotFoundException("error.notFound.location", id.value()));
	}

	/** An appointment as the pages show it. */
	AppointmentView view(Appointment appointment, Locale locale) {
		Location location = location(appointment.location());
		ZonedDateTime start = appointment.start().atZone(zone);
		Instant hold = appointment.holdExpiresAt();
		return new AppointmentView(appointment, chosen(appointment.items()),
				place(location, start.toLocalDate(), locale), start, appointment.end().atZone(zone),
				hold == null ? null : hold.atZone(zone));
	}

	ZonedDateTime local(Instant instant) {
		return instant.atZone(zone);
	}

	/** The days from today to the last released one. */
	record Window(LocalDate first, LocalDate last) {

		boolean contains(LocalDate day) {
			return !day.isBefore(first) && !day.isAfter(last);
		}

	}

	/** A department's bookable procedures on the first step. */
	record DepartmentChoice(Department department, List<ProcedureChoice> procedures) {
	}

	/** A procedure on the first step: whether chosen, for how many, and the choices. */
	record ProcedureChoice(Procedure procedure, boolean chosen, int quantity, List<Integer> quantities) {

		static ProcedureChoice of(Procedure procedure, int quantity, boolean chosen) {
			List<Integer> quantities = new ArrayList<>();
			for (int i = 1; i <= procedure.maxQuantity(); i++) {
				quantities.add(i);
			}
			return new ProcedureChoice(procedure, chosen, Math.min(quantity, procedure.maxQuantity()), quantities);
		}

		/** The value of the quantity's option {@code n}: {@code procedure:n}. */
		public String option(int n) {
			return procedure.id().value() + ":" + n;
		}

	}

	/** A procedure of a visit and for how many persons. */
	record ChosenProcedure(Procedure procedure, int quantity) {
	}

	/**
	 * A month of the calendar, Monday first.
	 *
	 * @param anyFree whether any day of the whole window has room
	 * @param problems what was wrong with the month asked for
	 */
	record CalendarMonth(LocalDate month, List<List<CalendarDay>> weeks, List<String> weekdays,
			List<String> weekdayNames, @Nullable String previous, @Nullable String next, int freeDays, boolean anyFree,
			Window window, List<BookingException.Problem> problems) {
	}

	/**
	 * A day of the calendar; {@code date} is {@code null} for the cells before the first
	 * and after the last of the month.
	 */
	record CalendarDay(@Nullable LocalDate date, int free, @Nullable String link, boolean today, boolean bookable) {

		static final CalendarDay EMPTY = new CalendarDay(null, 0, null, false, false);

		/** The cell's classes: outside the month, free or not, today. */
		public String css() {
			if (date == null) {
				return "outside";
			}
			return (link != null ? "free" : bookable ? "full" : "closed") + (today ? " today" : "");
		}

	}

	/** The free times of a day at one location. */
	record TimeGroup(Location location, Place place, List<TimeLink> times, int total, @Nullable String allTimes) {
	}

	/** A free start time and the link to the next step. */
	record TimeLink(LocalTime time, String link) {
	}

	/**
	 * Where to go: the location's name, for the mobile kit the place of the day, and the
	 * address.
	 */
	record Place(String name, @Nullable String stop, String address) {
	}

	/** An appointment with what the pages show of it, in local time. */
	record AppointmentView(Appointment appointment, List<ChosenProcedure> procedures, Place place, ZonedDateTime start,
			ZonedDateTime end, @Nullable ZonedDateTime holdExpiresAt) {

		public String reference() {
			return appointment.reference().value();
		}

	}

	/** The procedures a fresh choice starts with, and what was wrong with the rest. */
	record Prefill(Map<ProcedureId, Integer> chosen, List<BookingException.Problem> problems) {
	}

}
