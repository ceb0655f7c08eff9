package de.buergerservice.booking.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.internal.PhoneBookings;
import de.buergerservice.booking.web.BookingSteps.ProcedureChoice;
import de.buergerservice.booking.web.BookingSteps.Window;
import de.buergerservice.booking.web.StepException.Step;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.locations.Location;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffMember;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the city's phone agents (115 and the city's own number): they answer "what
 * do I need for …?" from the catalogue and book from the phone quota on a caller's
 * behalf, with or without an e-mail address. Like the citizens' pages, each step is a GET
 * with the choices in the query string: the procedures, found by the catalogue's search
 * ({@code /staff/telefon}); where and when, with the free times of the phone quota from
 * today on ({@code /staff/telefon/termin}); the caller's details
 * ({@code /staff/telefon/daten}); and the booking ({@code POST /staff/telefon}). Every
 * handler first asks for the phone agent's role.
 */
@Controller
class PhonePages {

	/** The most search hits the page shows. */
	static final int HITS = 10;

	private final Staff staff;

	private final BookingSteps steps;

	private final StepViews views;

	private final Catalog catalog;

	private final PhoneBookings bookings;

	PhonePages(Staff staff, BookingSteps steps, StepViews views, Catalog catalog, PhoneBookings bookings) {
		this.staff = staff;
		this.steps = steps;
		this.views = views;
		this.catalog = catalog;
		this.bookings = bookings;
	}

	@GetMapping("/staff/telefon")
	String procedures(@RequestParam(required = false) @Nullable String q, StepParameters parameters, Model model,
			Locale locale, HttpServletResponse response) {
		staff.require(Role.PHONE_AGENT);
		return procedures(q, phone(parameters), List.of(), model, locale, response);
	}

	@GetMapping("/staff/telefon/termin")
	String when(@RequestParam(required = false) @Nullable String q, StepParameters parameters, Model model,
			Locale locale, HttpServletResponse response) {
		staff.require(Role.PHONE_AGENT);
		StepParameters phone = phone(parameters);
		try {
			return when(phone, List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return step(ex, q, phone, model, locale, response);
		}
	}

	@GetMapping("/staff/telefon/daten")
	String details(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		staff.require(Role.PHONE_AGENT);
		StepParameters phone = phone(parameters);
		try {
			Visit visit = steps.visitAt(phone, locale);
			ZonedDateTime start = steps.start(steps.day(phone.tag(), visit, locale), phone.zeit());
			steps.freeSlot(visit, start, Flow.PHONE.channel());
			return details(visit, start, new CallerForm(null, null, null, null), List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return step(ex, null, phone, model, locale, response);
		}
	}

	/**
	 * Books: the caller's details are checked here, the rest (the visit, the time still
	 * free) by booking, all at once. The audit log records which agent booked.
	 */
	@PostMapping("/staff/telefon")
	String book(StepParameters parameters, CallerForm form, Model model, Locale locale, HttpServletResponse response) {
		StaffMember agent = staff.require(Role.PHONE_AGENT);
		StepParameters phone = phone(parameters);
		Visit visit;
		ZonedDateTime start;
		try {
			visit = steps.visitAt(phone, locale);
			start = steps.start(steps.day(phone.tag(), visit, locale), phone.zeit());
		}
		catch (StepException ex) {
			return step(ex, null, phone, model, locale, response);
		}
		RequestParsing parsing = new RequestParsing();
		Citizen caller = parsing.citizen(form.name(), form.email(), form.telefon(), form.sprache(), Locale.GERMAN,
				false);
		try {
			parsing.done();
			Booked booked = bookings.book(agent, new BookingRequest(visit.items(), visit.location(), start.toInstant(),
					caller, Channel.PHONE, "phone:" + agent.username(), null, visit.interpreter()));
			return booked(booked, model, locale);
		}
		catch (BookingException.Invalid ex) {
			Step step = Step.of(ex.problems());
			if (step != Step.DETAILS) {
				return step(new StepException(step, ex.problems(), HttpStatus.BAD_REQUEST), null, phone, model, locale,
						response);
			}
			return details(visit, start, form, ex.problems(), model, locale, response);
		}
		catch (BookingException.Unavailable ex) {
			return step(StepException.of(Step.TIME, "zeit", "booking.page.time.taken").with(HttpStatus.CONFLICT), null,
					phone, model, locale, response);
		}
		catch (BookingException.LimitReached ex) {
			return views.limit(ex, model, response);
		}
	}

	/**
	 * The parameters as the phone pages read them: nothing is moved here, and without a
	 * location the search is anywhere.
	 */
	private static StepParameters phone(StepParameters parameters) {
		String where = parameters.ort() == null || parameters.ort().isBlank() ? Visit.ANYWHERE : parameters.ort();
		return new StepParameters(parameters.leistung(), parameters.anzahl(), null, where, parameters.ueberall(), null,
				parameters.tag(), parameters.zeit(), null, null, parameters.dolmetschen());
	}

	/**
	 * The step that can put right what an exception says is wrong: the procedures, or
	 * where and when.
	 */
	private String step(StepException problem, @Nullable String q, StepParameters parameters, Model model,
			Locale locale, HttpServletResponse response) {
		response.setStatus(problem.status().value());
		try {
			return switch (problem.step()) {
				case PROCEDURES -> procedures(q, parameters, problem.problems(), model, locale, response);
				case LOCATION, DAY, TIME, DETAILS -> when(parameters, problem.problems(), model, locale, response);
			};
		}
		catch (StepException earlier) {
			return step(earlier, q, parameters, model, locale, response);
		}
	}

	/**
	 * Step 1: the catalogue's hits for what the caller said, each with what to bring, and
	 * the procedures chosen so far.
	 */
	private String procedures(@Nullable String q, StepParameters parameters, List<BookingException.Problem> problems,
			Model model, Locale locale, HttpServletResponse response) {
		BookingSteps.Prefill prefill = steps.prefill(parameters);
		List<BookingException.Problem> all = new ArrayList<>(prefill.problems());
		all.addAll(problems);
		String query = q == null ? "" : q.strip();
		List<ProcedureChoice> hits = List.of();
		if (query.length() > Catalog.MAX_QUERY_LENGTH) {
			all.add(new BookingException.Problem("q", "booking.phone.search.tooLong",
					List.of(Catalog.MAX_QUERY_LENGTH)));
			query = query.substring(0, Catalog.MAX_QUERY_LENGTH);
		}
		else if (!query.isEmpty()) {
			hits = catalog.search(query, HITS)
				.stream()
				.filter(hit -> !prefill.chosen().containsKey(hit.procedure().id()))
				.map(hit -> ProcedureChoice.of(hit.procedure(), 1, false))
				.toList();
		}
		model.addAttribute("q", query);
		model.addAttribute("maxQuery", Catalog.MAX_QUERY_LENGTH);
		model.addAttribute("searched", !query.isEmpty() && all.stream().noneMatch(p -> p.field().equals("q")));
		model.addAttribute("hits", hits);
		model.addAttribute("chosen", steps.chosenChoices(prefill.chosen()));
		return views.withErrors("booking/phone", all, model, locale, response);
	}

	/**
	 * Step 2: where (a location, or anywhere), the days with room in the phone quota, and
	 * the free times of the chosen day (the first with room unless one was chosen). A
	 * wrong location or day is shown as a problem next to anywhere or the first day with
	 * room.
	 * @throws StepException for the procedures step
	 */
	private String when(StepParameters parameters, List<BookingException.Problem> problems, Model model, Locale locale,
			HttpServletResponse response) {
		List<VisitItem> items = steps.items(parameters);
		List<Location> offering = steps.offering(items);
		List<BookingException.Problem> all = new ArrayList<>(problems);
		Visit visit;
		try {
			visit = steps.visit(parameters, locale);
		}
		catch (StepException ex) {
			if (ex.step() == Step.PROCEDURES) {
				throw ex;
			}
			all.addAll(ex.problems());
			visit = Visit.of(items).everywhere();
		}
		Window window = steps.window(visit);
		Map<LocalDate, Integer> free = steps.freeDays(visit, window, Flow.PHONE.channel());
		LocalDate day = free.keySet().stream().findFirst().orElse(window.first());
		if (parameters.tag() != null && !parameters.tag().isBlank()) {
			try {
				day = steps.day(parameters.tag(), visit, locale);
			}
			catch (StepException ex) {
				all.addAll(ex.problems());
			}
		}
		List<DayChoice> days = new ArrayList<>();
		free.forEach((date, slots) -> days.add(new DayChoice(date, slots)));
		if (!free.containsKey(day)) {
			days.add(new DayChoice(day, 0));
			days.sort((a, b) -> a.date().compareTo(b.date()));
		}
		model.addAttribute("visit", visit);
		model.addAttribute("chosen", steps.chosen(items));
		model.addAttribute("minutes", steps.minutes(items));
		model.addAttribute("changeProcedures", visit.proceduresLink(Flow.PHONE.procedures()));
		model.addAttribute("hidden", visit.procedures());
		model.addAttribute("locations", offering);
		model.addAttribute("anywhere", Visit.ANYWHERE);
		model.addAttribute("selected", visit.location() == null ? Visit.ANYWHERE : visit.location().value());
		model.addAttribute("days", days);
		model.addAttribute("day", day);
		model.addAttribute("anyFree", !free.isEmpty());
		model.addAttribute("last", window.last());
		model.addAttribute("groups", steps.times(visit, day, Flow.PHONE, locale));
		return views.withErrors("booking/phone-times", all, model, locale, response);
	}

	/** Step 3: the caller's details, with the visit they book. */
	private String details(Visit visit, ZonedDateTime start, CallerForm form, List<BookingException.Problem> problems,
			Model model, Locale locale, HttpServletResponse response) {
		views.visitAt(visit, start, Flow.PHONE, model, locale);
		model.addAttribute("form", form);
		return views.withErrors("booking/phone-details", problems, model, locale, response);
	}

	/**
	 * The result, to read out: the reference, when and where, what to bring; the private
	 * link, and whether a mail goes out.
	 */
	private String booked(Booked booked, Model model, Locale locale) {
		views.booked(booked, model, locale);
		var email = booked.appointment().citizen().email();
		model.addAttribute("email", email == null ? null : email.value());
		StepViews.switchLanguageTo(Flow.PHONE.procedures(), model);
		return "booking/phone-booked";
	}

	/**
	 * What the agent enters for the caller.
	 *
	 * @param email optional: many callers have none
	 * @param sprache the language of the mails: {@code de} (the default) or {@code en}
	 */
	record CallerForm(@Nullable String name, @Nullable String email, @Nullable String telefon,
			@Nullable String sprache) {
	}

	/** A day in the choice, with how many start times are free. */
	record DayChoice(LocalDate date, int free) {
	}

}
