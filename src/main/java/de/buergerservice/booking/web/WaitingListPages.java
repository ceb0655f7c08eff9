package de.buergerservice.booking.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The waiting list for citizens who found no suitable time: what they need, which
 * locations would do, from when to when, how to reach them; and the private link to leave
 * it again.
 */
@Controller
class WaitingListPages {

	/** The window a waiting-list entry covers unless the citizen says otherwise. */
	static final int DEFAULT_DAYS = 42;

	private static final Pattern REFERENCE = Pattern.compile("W-[0-9A-Z]{4}-[0-9A-Z]{4}");

	private final BookingSteps steps;

	private final StepViews views;

	private final WaitingList waitingList;

	private final City city;

	WaitingListPages(BookingSteps steps, StepViews views, WaitingList waitingList, City city) {
		this.steps = steps;
		this.views = views;
		this.waitingList = waitingList;
		this.city = city;
	}

	@GetMapping("/termin/warteliste")
	String form(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		try {
			List<VisitItem> items = steps.items(parameters);
			LocalDate today = steps.today();
			List<String> checked = parameters.ort() == null ? List.of() : List.of(parameters.ort().strip());
			WaitingForm form = new WaitingForm(checked, today.toString(), today.plusDays(DEFAULT_DAYS - 1).toString(),
					null, null, null, locale.getLanguage());
			return page(items, form, List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	@PostMapping("/termin/warteliste")
	String join(StepParameters parameters, WaitingForm form, HttpServletRequest request, Model model, Locale locale,
			HttpServletResponse response) {
		List<VisitItem> items;
		try {
			items = steps.items(parameters);
			steps.offering(items);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
		RequestParsing parsing = new RequestParsing();
		List<LocationId> locations = new ArrayList<>();
		for (String id : form.orte() == null ? List.<String>of() : form.orte()) {
			LocationId location = parsing.location("locations", id, false);
			if (location != null && !locations.contains(location)) {
				locations.add(location);
			}
		}
		LocalDate today = steps.today();
		LocalDate from = parsing.date("from", form.von(), today);
		LocalDate to = parsing.date("to", form.bis(), today.plusDays(DEFAULT_DAYS - 1));
		Citizen citizen = parsing.citizen(form.name(), form.email(), form.telefon(), form.sprache(), locale);
		try {
			parsing.done();
			WaitingList.Joined joined = waitingList.join(new WaitingList.Request(items, locations,
					Objects.requireNonNull(from), Objects.requireNonNull(to), citizen, request.getRemoteAddr()));
			String leave = leaveLink(joined.reference(), joined.token().value());
			model.addAttribute("reference", joined.reference());
			model.addAttribute("leaveLink", leave);
			model.addAttribute("leaveUrl", city.link(leave));
			model.addAttribute("chosen", steps.chosen(items));
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			StepViews.switchLanguageTo(leave, model);
			return "booking/waiting-joined";
		}
		catch (BookingException.Invalid ex) {
			return page(items, form, ex.problems(), model, locale, response);
		}
		catch (BookingException.LimitReached ex) {
			return views.limit(ex, model, response);
		}
	}

	@GetMapping("/termin/warteliste/{reference}")
	String leaving(@PathVariable String reference, @RequestParam(required = false) @Nullable String token,
			Model model) {
		checked(reference, token);
		model.addAttribute("reference", reference);
		model.addAttribute("token", token);
		return "booking/waiting-leave";
	}

	@PostMapping("/termin/warteliste/{reference}")
	String leave(@PathVariable String reference, @RequestParam(required = false) @Nullable String token, Model model) {
		checked(reference, token);
		if (!waitingList.leave(reference, new AccessToken(Objects.requireNonNull(token)))) {
			throw notFound();
		}
		model.addAttribute("reference", reference);
		StepViews.switchLanguageTo("/termin", model);
		return "booking/waiting-left";
	}

	private String page(List<VisitItem> items, WaitingForm form, List<BookingException.Problem> problems, Model model,
			Locale locale, HttpServletResponse response) {
		Visit visit = Visit.of(items);
		model.addAttribute("chosen", steps.chosen(items));
		model.addAttribute("locations", steps.offering(items));
		model.addAttribute("form", form);
		model.addAttribute("checked", form.orte() == null ? List.of() : form.orte());
		model.addAttribute("hidden", visit.procedures());
		model.addAttribute("back", visit.link("/termin/ort"));
		model.addAttribute("maxDays", de.buergerservice.booking.Availability.MAX_DAYS);
		model.addAttribute("maxName", Citizen.MAX_NAME);
		model.addAttribute("maxPhone", Citizen.MAX_PHONE);
		StepViews.switchLanguageTo(visit.link("/termin/warteliste"), model);
		return views.withErrors("booking/waiting-list", problems, model, locale, response);
	}

	private static void checked(String reference, @Nullable String token) {
		if (!REFERENCE.matcher(reference).matches() || token == null || !AccessToken.isValid(token)) {
			throw notFound();
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("booking.problem.waiting.notFound");
	}

	private static String leaveLink(String reference, String token) {
		return UriComponentsBuilder.fromPath("/termin/warteliste/{reference}")
			.queryParam("token", token)
			.buildAndExpand(reference)
			.toUriString();
	}

	/**
	 * What the citizen enters to wait.
	 *
	 * @param orte acceptable locations; none for any
	 * @param von first acceptable day ({@code 2026-12-01})
	 * @param bis last acceptable day
	 */
	record WaitingForm(@Nullable List<String> orte, @Nullable String von, @Nullable String bis, @Nullable String name,
			@Nullable String email, @Nullable String telefon, @Nullable String sprache) {
	}

}
