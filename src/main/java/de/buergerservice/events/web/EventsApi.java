package de.buergerservice.events.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventException;
import de.buergerservice.events.EventId;
import de.buergerservice.events.EventKind;
import de.buergerservice.events.Events;
import de.buergerservice.events.Participant;
import de.buergerservice.events.Registered;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationRequest;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.Session;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/events}: the upcoming events, courses and consultation hours, and
 * registering for them. Titles and texts in the request's language.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Citizens' dialogues, courses and consultation hours, and registering for them")
class EventsApi {

	private final Events events;

	private final EventProblems problems;

	private final Clock clock;

	private final ZoneId zone;

	EventsApi(Events events, EventProblems problems, Clock clock, City city) {
		this.events = events;
		this.problems = problems;
		this.clock = clock;
		this.zone = city.zone();
	}

	@GetMapping
	@Operation(summary = "Upcoming events, courses and consultation hours, the soonest first",
			description = "start and end span the sessions that have not ended; seatsFree counts the free seats "
					+ "of the sessions that have not begun")
	List<EventSummary> list(Locale locale) {
		Instant now = clock.instant();
		return events.upcoming().stream().map(event -> summary(event, now, locale)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "An event with its description and sessions")
	@ApiResponse(responseCode = "404", description = "no such event",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	EventView get(@PathVariable String id, Locale locale) {
		Event event = known(id);
		Instant now = clock.instant();
		return new EventView(summary(event, now, locale), event.summary().in(locale), event.description().in(locale),
				event.venue() == null ? null : event.venue().in(locale), event.address(),
				event.sessions().stream().map(session -> session(session, now)).toList());
	}

	@PostMapping("/{id}/registrations")
	@Operation(
			summary = "Register for an event: a seat held until the citizen confirms by e-mail, or a place on "
					+ "the waiting list",
			description = "status is AWAITING_CONFIRMATION (a seat is held until holdExpiresAt; the citizen gets "
					+ "a mail with the confirmation link) or WAITING_LIST (at waitingPosition; when a seat becomes "
					+ "free the citizen gets a mail to confirm it). session is needed when the event has more than "
					+ "one. manageToken authorizes viewing and cancelling the registration "
					+ "(/api/v1/event-registrations).")
	@ApiResponse(responseCode = "201", description = "registered or on the waiting list")
	@ApiResponse(responseCode = "400", description = "invalid input, with field errors",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "no such event",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "neither a seat nor a waiting-list place (full, or the session has begun), "
					+ "or the e-mail address is registered for the event already",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> register(@PathVariable String id, @RequestBody RegistrationBody body, Locale locale) {
		try {
			Event event = event(id);
			Participant participant = RegistrationInput.participant(body.name(), body.email(), body.language(), locale,
					RegistrationInput.session(event, body.session()));
			Registered registered = events.register(new RegistrationRequest(event.id(), body.session(), participant));
			Registration registration = registered.registration();
			return ResponseEntity.created(URI.create("/api/v1/event-registrations/" + registration.reference().value()))
				.body(new RegisteredView(registration.reference().value(), registration.status(), event.id().value(),
						registration.details().session(), time(registration.details().start()),
						time(registration.details().end()), timeOrNull(registration.holdExpiresAt()),
						registration.waitingPosition(), registered.manageToken().value()));
		}
		catch (EventException ex) {
			return problems.refused(ex, locale);
		}
	}

	private Event event(String id) {
		if (!EventId.isValid(id)) {
			throw new EventException.UnknownEvent(id);
		}
		return events.find(EventId.of(id)).orElseThrow(() -> new EventException.UnknownEvent(id));
	}

	private Event known(String id) {
		if (!EventId.isValid(id)) {
			throw new NotFoundException("events.problem.unknownEvent");
		}
		return events.find(EventId.of(id)).orElseThrow(() -> new NotFoundException("events.problem.unknownEvent"));
	}

	private EventSummary summary(Event event, Instant now, Locale locale) {
		List<Session> current = event.sessions().stream().filter(session -> session.end().isAfter(now)).toList();
		List<Session> shown = current.isEmpty() ? event.sessions() : current;
		Instant end = shown.stream().map(Session::end).max(Instant::compareTo).orElseThrow();
		return new EventSummary(event.id().value(), event.kind(), event.title().in(locale), time(shown.get(0).start()),
				time(end), event.online(), event.seatsFree(now));
	}

	private SessionView session(Session session, Instant now) {
		boolean open = session.open(now);
		return new SessionView(session.number(), time(session.start()), time(session.end()),
				open ? session.seatsFree() : 0, open ? session.waitingListFree() : 0, open);
	}

	private OffsetDateTime time(Instant instant) {
		return instant.atZone(zone).toOffsetDateTime();
	}

	private @Nullable OffsetDateTime timeOrNull(@Nullable Instant instant) {
		return instant == null ? null : time(instant);
	}

	/**
	 * What a client sends to register (every field is checked, so all arrive as sent).
	 */
	record RegistrationBody(@Nullable String name, @Nullable String email, @Schema(
			description = "the session's number; needed when the event has more than one") @Nullable Integer session,
			@Schema(description = "the language of the citizen's mails, de or en; the request's by default") @Nullable String language) {
	}

	record EventSummary(String id, EventKind kind, String title, OffsetDateTime start, OffsetDateTime end,
			boolean online, int seatsFree) {
	}

	record EventView(EventSummary event, String summary, String description, @Nullable String venue,
			@Nullable String address, List<SessionView> sessions) {
	}

	record SessionView(int number, OffsetDateTime start, OffsetDateTime end, int seatsFree, int waitingListFree,
			boolean open) {
	}

	record RegisteredView(String reference, RegistrationStatus status, String event, int session, OffsetDateTime start,
			OffsetDateTime end, @Nullable OffsetDateTime holdExpiresAt, @Nullable Integer waitingPosition,
			String manageToken) {
	}

}
