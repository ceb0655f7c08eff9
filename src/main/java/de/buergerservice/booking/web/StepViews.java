package de.buergerservice.booking.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.web.BookingSteps.CalendarMonth;
import de.buergerservice.locations.Location;
import de.buergerservice.shared.FieldErrors;
import de.buergerservice.shared.City;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fills the model of the booking steps (procedures, location, day, time) and shows the
 * step that can put a wrong choice right, with its problems and status. Shared by the
 * booking, appointment and waiting-list pages.
 */
@Component
class StepViews {

	/** The API's field names and the pages' field ids. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("citizen.name", "name"),
			Map.entry("citizen.email", "email"), Map.entry("citizen.phone", "telefon"),
			Map.entry("language", "sprache"), Map.entry("procedures", "leistungen"),
			Map.entry("procedure", "leistungen"), Map.entry("quantities", "leistungen"),
			Map.entry("quantity", "leistungen"), Map.entry("location", "ort"), Map.entry("locations", "orte"),
			Map.entry("from", "von"), Map.entry("to", "bis"), Map.entry("start", "zeit"),
			Map.entry("interpreterLanguage", "dolmetschen"));

	private final BookingSteps steps;

	private final MessageSource messages;

	private final City city;

	StepViews(BookingSteps steps, MessageSource messages, City city) {
		this.steps = steps;
		this.messages = messages;
		this.city = city;
	}

	/** Step 1: every bookable procedure, the chosen ones first. */
	String procedures(BookingSteps.Prefill prefill, List<BookingException.Problem> problems, Model model, Locale locale,
			HttpServletResponse response) {
		List<BookingException.Problem> all = new ArrayList<>(prefill.problems());
		all.addAll(problems);
		model.addAttribute("chosen", steps.chosenChoices(prefill.chosen()));
		model.addAttribute("departments", steps.procedureChoices(prefill.chosen(), locale));
		return withErrors("booking/procedures", all, model, locale, response);
	}

	/** Step 2: the locations that serve the whole visit, or anywhere. */
	String location(List<VisitItem> items, @Nullable String selected, @Nullable String interpreter,
			List<BookingException.Problem> problems, Model model, Locale locale, HttpServletResponse response) {
		List<Location> offering = steps.offering(items);
		Visit visit = Visit.of(items);
		LocalDate today = steps.today();
		model.addAttribute("visit", visit);
		model.addAttribute("chosen", steps.chosen(items));
		model.addAttribute("minutes", steps.minutes(items));
		model.addAttribute("locations",
				offering.stream()
					.map(location -> new LocationChoice(location, steps.place(location, today, locale).address()))
					.toList());
		model.addAttribute("selected", selected == null ? "" : selected.strip());
		model.addAttribute("interpreterLanguages", steps.interpreterLanguages(items, locale));
		model.addAttribute("interpreter", interpreter == null ? "" : interpreter.strip());
		model.addAttribute("hidden", visit.procedures());
		model.addAttribute("back", visit.proceduresLink("/termin"));
		return withErrors("booking/location", problems, model, locale, response);
	}

	/** Step 3: a month of the calendar. */
	String day(Visit visit, CalendarMonth month, List<BookingException.Problem> problems, Model model, Locale locale,
			HttpServletResponse response) {
		List<BookingException.Problem> all = new ArrayList<>(month.problems());
		all.addAll(problems);
		common(visit, model, locale);
		model.addAttribute("month", month);
		model.addAttribute("back", back(visit));
		return withErrors("booking/day", all, model, locale, response);
	}

	/** Step 4: the free times of a day. */
	String times(Visit visit, LocalDate day, List<BookingException.Problem> problems, Model model, Locale locale,
			HttpServletResponse response) {
		common(visit, model, locale);
		model.addAttribute("day", day);
		model.addAttribute("groups", steps.times(visit, day, Flow.ONLINE, locale));
		model.addAttribute("back", visit.link("/termin/tag", "monat", YearMonth.from(day)));
		return withErrors("booking/times", problems, model, locale, response);
	}

	/**
	 * The last step's summary of a visit at its time, the hidden fields that carry it to
	 * the booking, and the ways back to the flow's earlier steps.
	 */
	void visitAt(Visit visit, ZonedDateTime start, Flow flow, Model model, Locale locale) {
		Location location = steps.location(Objects.requireNonNull(visit.location()));
		LocalDate day = start.toLocalDate();
		String time = start.toLocalTime().toString();
		Visit again = visit.anywhere() ? visit.everywhere() : visit;
		model.addAttribute("visit", visit);
		model.addAttribute("chosen", steps.chosen(visit.items()));
		model.addAttribute("start", start);
		model.addAttribute("end", steps.end(visit, start));
		model.addAttribute("place", steps.place(location, day, locale));
		model.addAttribute("interpreterName",
				visit.interpreter() == null ? null : Locale.of(visit.interpreter()).getDisplayLanguage(locale));
		model.addAttribute("hidden", visit.parameters("tag", day, "zeit", time));
		model.addAttribute("backToTimes", again.link(flow.times(), "tag", day));
		model.addAttribute("changeLocation", again.link(flow.location()));
		model.addAttribute("changeProcedures", visit.proceduresLink(flow.procedures()));
		model.addAttribute("maxName", Citizen.MAX_NAME);
		model.addAttribute("maxPhone", Citizen.MAX_PHONE);
		switchLanguageTo(visit.link(flow.details(), "tag", day, "zeit", time), model);
	}

	/**
	 * The step that can put right what an exception says is wrong; if the parameters of
	 * an even earlier step are wrong too, that one.
	 */
	String step(StepException problem, StepParameters parameters, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(problem.status().value());
		try {
			return switch (problem.step()) {
				case PROCEDURES -> procedures(steps.prefill(parameters), problem.problems(), model, locale, response);
				case LOCATION -> location(steps.items(parameters), parameters.ort(), parameters.dolmetschen(),
						problem.problems(), model, locale, response);
				case DAY -> {
					Visit visit = steps.visit(parameters, locale);
					yield day(visit, steps.month(visit, null, locale), problem.problems(), model, locale, response);
				}
				case TIME, DETAILS -> {
					Visit visit = steps.visit(parameters, locale);
					LocalDate day = steps.day(parameters.tag(), visit, locale);
					yield times(visit.anywhere() ? visit.everywhere() : visit, day, problem.problems(), model, locale,
							response);
				}
			};
		}
		catch (StepException earlier) {
			return step(earlier, parameters, model, locale, response);
		}
	}

	/**
	 * A booking's result: the appointment, and the private link (shown only here), as a
	 * path and as the address to write down; returns the path.
	 */
	String booked(Booked booked, Model model, Locale locale) {
		String reference = booked.appointment().reference().value();
		String manage = manageLink(new Visit.Move(booked.appointment().reference(), booked.manageToken()));
		model.addAttribute("appointment", steps.view(booked.appointment(), locale));
		model.addAttribute("manageLink", manage);
		model.addAttribute("manageUrl", city.link(manage));
		model.addAttribute("calendarLink", manage.replace(reference + "?", reference + "/kalender.ics?"));
		return manage;
	}

	/** A readable page for a limit reached, 429. */
	String limit(BookingException.LimitReached limit, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", "600");
		model.addAttribute("messageKey", "booking.problem.limit." + limit.limit().name());
		return "booking/limit";
	}

	/** The errors of a page; 400 unless a status was set already. */
	String withErrors(String view, List<BookingException.Problem> problems, Model model, Locale locale,
			HttpServletResponse response) {
		FieldErrors errors = FieldErrors.of(problems, FIELDS, messages, locale);
		model.addAttribute("errors", errors);
		if (errors.any() && response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return view;
	}

	/**
	 * Makes the language switch of a page that answers a form lead to a page that shows
	 * the same in the other language (the layout's switch keeps only a GET's query): the
	 * layout adds the other language to this link.
	 */
	static void switchLanguageTo(String link, Model model) {
		model.addAttribute("languageSwitchFrom", link);
	}

	private void common(Visit visit, Model model, Locale locale) {
		model.addAttribute("visit", visit);
		model.addAttribute("chosen", steps.chosen(visit.items()));
		model.addAttribute("where",
				visit.location() == null ? null : steps.location(visit.location()).name().in(locale));
		model.addAttribute("waitingList", visit.moving() ? null : visit.proceduresLink("/termin/warteliste"));
		Visit.Move move = visit.move();
		model.addAttribute("manage", move == null ? null : manageLink(move));
	}

	private static String back(Visit visit) {
		Visit.Move move = visit.move();
		if (move != null) {
			return manageLink(move);
		}
		return (visit.anywhere() ? visit.everywhere() : visit).link("/termin/ort");
	}

	static String manageLink(Visit.Move move) {
		return UriComponentsBuilder.fromPath("/termin/verwalten/{reference}")
			.queryParam("token", move.token().value())
			.buildAndExpand(move.reference().value())
			.toUriString();
	}

	/** A location on step 2 with the address to show. */
	record LocationChoice(Location location, String address) {
	}

}
