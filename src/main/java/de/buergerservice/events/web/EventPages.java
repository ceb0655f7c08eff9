package de.buergerservice.events.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventException;
import de.buergerservice.events.EventId;
import de.buergerservice.events.Events;
import de.buergerservice.events.Participant;
import de.buergerservice.events.Registered;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationReference;
import de.buergerservice.events.RegistrationRequest;
import de.buergerservice.events.RegistrationToken;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.FieldErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizens' pages: the list of events, an event with its registration form, the
 * confirmation from the e-mail's link, and the private page to view and cancel a
 * registration. Plain forms, no JavaScript needed. A GET never changes anything (mail
 * scanners open links); every change is a POST from a page that says what it will do.
 */
@Controller
class EventPages {

	/** The service's field names and the form's field ids. */
	private static final Map<String, String> FIELDS = Map.of("session", "termin");

	private final Events events;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	EventPages(Events events, MessageSource messages, Clock clock, City city) {
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.zone = city.zone();
	}

	@GetMapping("/veranstaltungen")
	String list(Model model, Locale locale) {
		Instant now = clock.instant();
		model.addAttribute("events",
				events.upcoming().stream().map(event -> EventViews.card(event, now, zone, locale)).toList());
		return "events/list";
	}

	@GetMapping("/veranstaltungen/{id}")
	String event(@PathVariable String id, Model model, Locale locale) {
		return form(event(id), new Form(null, null, null), FieldErrors.none(), null, model, locale);
	}

	@PostMapping("/veranstaltungen/{id}")
	String register(@PathVariable String id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String termin, Model model, Locale locale,
			HttpServletResponse response) {
		Event event = event(id);
		Form form = new Form(name, email, termin);
		try {
			Integer session = null;
			List<EventException.Problem> problems = List.of();
			if (termin != null && !termin.isBlank()) {
				try {
					session = Integer.valueOf(termin.strip());
				}
				catch (NumberFormatException ex) {
					problems = List.of(RegistrationInput.problem("session", "events.error.session.unknown", termin));
				}
			}
			if (problems.isEmpty()) {
				problems = RegistrationInput.session(event, session);
			}
			Participant participant = RegistrationInput.participant(name, email, null, locale, problems);
			Registered registered = events.register(new RegistrationRequest(event.id(), session, participant));
			Registration registration = registered.registration();
			model.addAttribute("registration", EventViews.registration(registration, zone, locale));
			model.addAttribute("manageLink", manageLink(registration.reference(), registered.manageToken()));
			return "events/registered";
		}
		catch (EventException.Invalid ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(event, form, FieldErrors.of(ex.problems(), FIELDS, messages, locale), null, model, locale);
		}
		catch (EventException.Full | EventException.Closed | EventException.AlreadyRegistered ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			String key = switch (ex) {
				case EventException.Full full -> "events.page.refused.full";
				case EventException.Closed closed -> "events.page.refused.closed";
				default -> "events.page.refused.already";
			};
			return form(event, form, FieldErrors.none(), key, model, locale);
		}
		catch (EventException.UnknownEvent ex) {
			throw unknownEvent(id);
		}
	}

	private String form(Event event, Form form, FieldErrors errors, @Nullable String refused, Model model,
			Locale locale) {
		Instant now = clock.instant();
		model.addAttribute("event", event);
		model.addAttribute("card", EventViews.card(event, now, zone, locale));
		model.addAttribute("days", EventViews.days(event, now, zone));
		model.addAttribute("single", event.sessions().size() == 1);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("refused", refused);
		model.addAttribute("maxName", Participant.MAX_NAME);
		return "events/event";
	}

	@GetMapping("/veranstaltungen/bestaetigen")
	String confirmation(@RequestParam(required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		if (token == null || !RegistrationToken.isValid(token)) {
			return unconfirmed(response);
		}
		model.addAttribute("token", token);
		return "events/confirm";
	}

	@PostMapping("/veranstaltungen/bestaetigen")
	String confirm(@RequestParam(required = false) @Nullable String token, Model model, Locale locale,
			HttpServletResponse response) {
		Optional<Registration> confirmed = token == null || !RegistrationToken.isValid(token) ? Optional.empty()
				: events.confirm(new RegistrationToken(token));
		if (confirmed.isEmpty()) {
			return unconfirmed(response);
		}
		model.addAttribute("registration", EventViews.registration(confirmed.get(), zone, locale));
		return "events/confirmed";
	}

	private static String unconfirmed(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "events/unconfirmed";
	}

	@GetMapping("/veranstaltungen/anmeldung/{reference}")
	String registration(@PathVariable String reference, @RequestParam(required = false) @Nullable String token,
			Model model, Locale locale) {
		Access access = access(reference, token);
		Registration registration = events.find(access.reference(), access.token())
			.orElseThrow(EventPages::unknownRegistration);
		model.addAttribute("registration", EventViews.registration(registration, zone, locale));
		model.addAttribute("active", registration.status().isActive());
		model.addAttribute("token", access.token().value());
		return "events/registration";
	}

	@PostMapping("/veranstaltungen/anmeldung/{reference}/absagen")
	String cancel(@PathVariable String reference, @RequestParam(required = false) @Nullable String token, Model model,
			Locale locale) {
		Access access = access(reference, token);
		Registration registration = events.find(access.reference(), access.token())
			.orElseThrow(EventPages::unknownRegistration);
		if (!events.cancel(access.reference(), access.token())) {
			throw unknownRegistration();
		}
		model.addAttribute("registration", EventViews.registration(registration, zone, locale));
		return "events/cancelled";
	}

	private Event event(String id) {
		if (!EventId.isValid(id)) {
			throw unknownEvent(id);
		}
		return events.find(EventId.of(id)).orElseThrow(() -> unknownEvent(id));
	}

	private static Access access(String reference, @Nullable String token) {
		if (!RegistrationReference.isValid(reference) || token == null || !RegistrationToken.isValid(token)) {
			throw unknownRegistration();
		}
		return new Access(RegistrationReference.of(reference), new RegistrationToken(token));
	}

	static String manageLink(RegistrationReference reference, RegistrationToken token) {
		return UriComponentsBuilder.fromPath("/veranstaltungen/anmeldung/{reference}")
			.queryParam("token", token.value())
			.buildAndExpand(reference.value())
			.toUriString();
	}

	private static NotFoundException unknownEvent(String id) {
		return new NotFoundException("events.error.event.unknown", id);
	}

	private static NotFoundException unknownRegistration() {
		return new NotFoundException("events.error.registration.unknown");
	}

	private record Access(RegistrationReference reference, RegistrationToken token) {
	}

	/** What the citizen entered, to show again with the problems. */
	record Form(@Nullable String name, @Nullable String email, @Nullable String termin) {
	}

}
