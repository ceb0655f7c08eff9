package de.buergerservice.booking.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.internal.ProofOfWork;
import de.buergerservice.booking.web.StepException.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The citizens' way to an appointment, one step per page, each a plain link or GET form
 * to the next, the choices carried in the query string: procedures ({@code /termin}),
 * location ({@code /termin/ort}), day ({@code /termin/tag}), time ({@code /termin/zeit}),
 * the form ({@code /termin/daten}), and the booking itself ({@code POST /termin}).
 */
@Controller
class BookingPages {

	private final BookingSteps steps;

	private final StepViews views;

	private final Appointments appointments;

	private final ProofOfWork proofOfWork;

	BookingPages(BookingSteps steps, StepViews views, Appointments appointments, ProofOfWork proofOfWork) {
		this.steps = steps;
		this.views = views;
		this.appointments = appointments;
		this.proofOfWork = proofOfWork;
	}

	@GetMapping("/termin")
	String procedures(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		return views.procedures(steps.prefill(parameters), List.of(), model, locale, response);
	}

	@GetMapping("/termin/ort")
	String location(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		try {
			return views.location(steps.items(parameters), parameters.ort(), parameters.dolmetschen(), List.of(), model,
					locale, response);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	@GetMapping("/termin/tag")
	String day(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		try {
			Visit visit = steps.visit(parameters, locale);
			return views.day(visit, steps.month(visit, parameters.monat(), locale), List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	@GetMapping("/termin/zeit")
	String time(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		try {
			Visit visit = steps.visit(parameters, locale);
			return views.times(visit, steps.day(parameters.tag(), visit, locale), List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	@GetMapping("/termin/daten")
	String details(StepParameters parameters, Model model, Locale locale, HttpServletResponse response) {
		if (parameters.moving()) {
			throw BookingSteps.notFound();
		}
		try {
			Visit visit = steps.visitAt(parameters, locale);
			ZonedDateTime start = steps.start(steps.day(parameters.tag(), visit, locale), parameters.zeit());
			steps.freeSlot(visit, start, Flow.ONLINE.channel());
			BookingForm form = new BookingForm(null, null, null, locale.getLanguage(), null);
			return details(visit, start, form, proofOfWork.waitToken(), List.of(), model, locale, response);
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
	}

	/**
	 * Books: the citizen's details are checked here, the rest (proof of work, limits, the
	 * time still free) by booking, all at once.
	 */
	@PostMapping("/termin")
	String book(StepParameters parameters, BookingForm form, HttpServletRequest request, Model model, Locale locale,
			HttpServletResponse response) {
		if (parameters.moving()) {
			throw BookingSteps.notFound();
		}
		Visit visit;
		ZonedDateTime start;
		try {
			visit = steps.visitAt(parameters, locale);
			start = steps.start(steps.day(parameters.tag(), visit, locale), parameters.zeit());
		}
		catch (StepException ex) {
			return views.step(ex, parameters, model, locale, response);
		}
		RequestParsing parsing = new RequestParsing();
		Citizen citizen = parsing.citizen(form.name(), form.email(), form.telefon(), form.sprache(), locale);
		try {
			parsing.done();
		}
		catch (BookingException.Invalid ex) {
			String proof = form.proofOfWork() == null || form.proofOfWork().isBlank() ? proofOfWork.waitToken()
					: form.proofOfWork();
			return details(visit, start, form, proof, ex.problems(), model, locale, response);
		}
		try {
			Booked booked = appointments.book(new BookingRequest(visit.items(), visit.location(), start.toInstant(),
					citizen, Channel.ONLINE, request.getRemoteAddr(), form.proofOfWork(), visit.interpreter()));
			return booked(booked, model, locale);
		}
		catch (BookingException.Invalid ex) {
			Step step = Step.of(ex.problems());
			if (step != Step.DETAILS) {
				return views.step(new StepException(step, ex.problems(), HttpStatus.BAD_REQUEST), parameters, model,
						locale, response);
			}
			return details(visit, start, form, proofOfWork.waitToken(), ex.problems(), model, locale, response);
		}
		catch (BookingException.Unavailable ex) {
			return views.step(StepException.of(Step.TIME, "zeit", "booking.page.time.taken").with(HttpStatus.CONFLICT),
					parameters, model, locale, response);
		}
		catch (BookingException.LimitReached ex) {
			return views.limit(ex, model, response);
		}
	}

	/** Step 5: the form, with the visit it books. */
	private String details(Visit visit, ZonedDateTime start, BookingForm form, String proof,
			List<BookingException.Problem> problems, Model model, Locale locale, HttpServletResponse response) {
		views.visitAt(visit, start, Flow.ONLINE, model, locale);
		model.addAttribute("form", form);
		model.addAttribute("proofOfWork", proof);
		model.addAttribute("waitSeconds", proofOfWork.noScriptWait().toSeconds());
		return views.withErrors("booking/details", problems, model, locale, response);
	}

	/**
	 * The result: the reference, when and where, and the private link, shown only here.
	 */
	private String booked(Booked booked, Model model, Locale locale) {
		StepViews.switchLanguageTo(views.booked(booked, model, locale), model);
		return "booking/booked";
	}

	/**
	 * What the citizen enters on the form.
	 *
	 * @param sprache the language of the mails: {@code de} or {@code en}
	 * @param proofOfWork the solved challenge, or without JavaScript the wait token
	 */
	record BookingForm(@Nullable String name, @Nullable String email, @Nullable String telefon,
			@Nullable String sprache, @Nullable String proofOfWork) {
	}

}
