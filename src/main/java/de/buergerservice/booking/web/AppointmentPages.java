package de.buergerservice.booking.web;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.web.StepException.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An appointment after booking: confirming it from the e-mail's link, and the private
 * manage page with the calendar file, cancelling and moving. A wrong token gets the same
 * 404 as an unknown reference. A GET never changes anything (mail scanners open links);
 * every change is a POST from a page that says what it will do.
 */
@Controller
class AppointmentPages {

	private final BookingSteps steps;

	private final StepViews views;

	private final Appointments appointments;

	AppointmentPages(BookingSteps steps, StepViews views, Appointments appointments) {
		this.steps = steps;
		this.views = views;
		this.appointments = appointments;
	}

	@GetMapping("/termin/bestaetigen")
	String confirmation(@RequestParam(required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		if (token == null || !AccessToken.isValid(token)) {
			return unconfirmed(model, response);
		}
		model.addAttribute("token", token);
		return "booking/confirm";
	}

	@PostMapping("/termin/bestaetigen")
	String confirm(@RequestParam(required = false) @Nullable String token, Model model, Locale locale,
			HttpServletResponse response) {
		Optional<Appointment> confirmed = token == null || !AccessToken.isValid(token) ? Optional.empty()
				: appointments.confirm(new AccessToken(token));
		if (confirmed.isEmpty()) {
			return unconfirmed(model, response);
		}
		model.addAttribute("appointment", steps.view(confirmed.get(), locale));
		StepViews.switchLanguageTo(
				UriComponentsBuilder.fromPath("/termin/bestaetigen").queryParam("token", token).toUriString(), model);
		return "booking/confirmed";
	}

	private static String unconfirmed(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "booking/unconfirmed";
	}

	@GetMapping("/termin/verwalten/{reference}")
	String manage(@PathVariable String reference, @RequestParam(required = false) @Nullable String token, Model model,
			Locale locale) {
		Appointment appointment = steps.appointment(reference, token).orElseThrow(BookingSteps::notFound);
		Visit.Move move = new Visit.Move(appointment.reference(), new AccessToken(token));
		String manage = StepViews.manageLink(move);
		model.addAttribute("appointment", steps.view(appointment, locale));
		model.addAttribute("active", appointment.status().isActive());
		model.addAttribute("calendarLink", sub(move, "kalender.ics"));
		model.addAttribute("cancelLink", sub(move, "absagen"));
		model.addAttribute("moveLink",
				new Visit(appointment.items(), appointment.location(), false, move, appointment.interpreterLanguage())
					.link("/termin/tag"));
		model.addAttribute("manageLink", manage);
		return "booking/manage";
	}

	@GetMapping("/termin/verwalten/{reference}/kalender.ics")
	ResponseEntity<String> calendar(@PathVariable String reference,
			@RequestParam(required = false) @Nullable String token) {
		if (!AppointmentReference.isValid(reference) || token == null || !AccessToken.isValid(token)) {
			throw BookingSteps.notFound();
		}
		String file = appointments.calendar(AppointmentReference.of(reference), new AccessToken(token))
			.orElseThrow(BookingSteps::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"termin-" + reference + ".ics\"")
			.body(file);
	}

	@GetMapping("/termin/verwalten/{reference}/absagen")
	String cancellation(@PathVariable String reference, @RequestParam(required = false) @Nullable String token,
			Model model, Locale locale) {
		Appointment appointment = steps.appointment(reference, token)
			.filter(found -> found.status().isActive())
			.orElseThrow(BookingSteps::notFound);
		model.addAttribute("appointment", steps.view(appointment, locale));
		model.addAttribute("token", token);
		model.addAttribute("manageLink",
				StepViews.manageLink(new Visit.Move(appointment.reference(), new AccessToken(token))));
		return "booking/cancel";
	}

	@PostMapping("/termin/verwalten/{reference}/absagen")
	String cancel(@PathVariable String reference, @RequestParam(required = false) @Nullable String token, Model model,
			Locale locale) {
		Appointment appointment = steps.appointment(reference, token).orElseThrow(BookingSteps::notFound);
		if (!appointments.cancel(appointment.reference(), new AccessToken(token))) {
			throw BookingSteps.notFound();
		}
		model.addAttribute("appointment", steps.view(appointment, locale));
		StepViews.switchLanguageTo(
				StepViews.manageLink(new Visit.Move(appointment.reference(), new AccessToken(token))), model);
		return "booking/cancelled";
	}

	/** Moving, last step: the old and the new time, and the button that moves. */
	@GetMapping("/termin/verwalten/{reference}/verschieben")
	String moving(@PathVariable String reference, @RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String zeit,
			Model model, Locale locale, HttpServletResponse response) {
		StepParameters parameters = moveParameters(reference, token, tag, zeit);
		try {
			Visit visit = steps.moving(reference, token);
			ZonedDateTime start = steps.start(steps.day(tag, visit, locale), zeit);
			var slot = steps.freeSlot(visit, start, Flow.ONLINE.channel());
			Appointment appointment = steps.appointment(reference, token).orElseThrow(BookingSteps::notFound);
			model.addAttribute("appointment", steps.view(appointment, locale));
			model.addAttribute("start", start);
			model.addAttribute("end", steps.local(slot.end()));
			model.addAttribute("token", token);
			model.addAttribute("tag", start.toLocalDate());
			model.addAttribute("zeit", start.toLocalTime().toString());
			model.addAttribute("backToTimes", visit.link("/termin/zeit", "tag", start.toLocalDate()));
			model.addAttribute("manageLink", StepViews.manageLink(visit.move()));
			return "booking/move";
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	@PostMapping("/termin/verwalten/{reference}/verschieben")
	String move(@PathVariable String reference, @RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String zeit,
			Model model, Locale locale, HttpServletResponse response) {
		StepParameters parameters = moveParameters(reference, token, tag, zeit);
		try {
			Visit visit = steps.moving(reference, token);
			ZonedDateTime start = steps.start(steps.day(tag, visit, locale), zeit);
			Visit.Move move = visit.move();
			Appointment moved = appointments.reschedule(move.reference(), move.token(), start.toInstant(), null)
				.orElseThrow(BookingSteps::notFound);
			model.addAttribute("appointment", steps.view(moved, locale));
			model.addAttribute("manageLink", StepViews.manageLink(move));
			StepViews.switchLanguageTo(StepViews.manageLink(move), model);
			return "booking/moved";
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
		catch (BookingException.Unavailable ex) {
			return views.step(StepException.of(Step.TIME, "zeit", "booking.page.time.taken").with(HttpStatus.CONFLICT),
					parameters, model, locale, response);
		}
		catch (BookingException.Invalid ex) {
			return views.step(new StepException(Step.TIME, ex.problems(), HttpStatus.BAD_REQUEST), parameters, model,
					locale, response);
		}
		catch (BookingException.LimitReached ex) {
			return views.limit(ex, model, response);
		}
	}

	private static StepParameters moveParameters(String reference, @Nullable String token, @Nullable String tag,
			@Nullable String zeit) {
		return new StepParameters(null, null, null, null, null, null, tag, zeit, reference, token, null);
	}

	private static String sub(Visit.Move move, String path) {
		return UriComponentsBuilder.fromPath("/termin/verwalten/{reference}/" + path)
			.queryParam("token", move.token().value())
			.buildAndExpand(move.reference().value())
			.toUriString();
	}

}
