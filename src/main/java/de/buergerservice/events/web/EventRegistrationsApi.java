package de.buergerservice.events.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import de.buergerservice.events.Events;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationReference;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.RegistrationToken;
import de.buergerservice.shared.City;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/event-registrations}: confirm a registration with the token from its
 * mail; view and cancel it with its private token as {@code Authorization: Bearer …}. A
 * wrong token gets the same 404 as an unknown reference.
 */
@RestController
@RequestMapping("/api/v1/event-registrations")
@Tag(name = "Event registrations", description = "Confirming, viewing and cancelling registrations for events")
class EventRegistrationsApi {

	private final Events events;

	private final EventProblems problems;

	private final ZoneId zone;

	EventRegistrationsApi(Events events, EventProblems problems, City city) {
		this.events = events;
		this.problems = problems;
		this.zone = city.zone();
	}

	@PostMapping("/confirmations")
	@Operation(summary = "Confirm a registration with the token from the confirmation e-mail",
			description = "404 when the token is unknown or the seat's hold has lapsed")
	ResponseEntity<?> confirm(@RequestBody ConfirmationBody body, Locale locale) {
		Optional<Registration> confirmed = body.token() == null || !RegistrationToken.isValid(body.token())
				? Optional.empty() : events.confirm(new RegistrationToken(body.token()));
		return confirmed.<ResponseEntity<?>>map(registration -> ResponseEntity.ok(view(registration)))
			.orElseGet(() -> problems.status(HttpStatus.NOT_FOUND, "events.problem.confirmation.notFound", locale));
	}

	@GetMapping("/{reference}")
	@Operation(summary = "A registration, for the holder of its private token")
	ResponseEntity<?> get(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		return access(reference, authorization).flatMap(access -> events.find(access.reference(), access.token()))
			.<ResponseEntity<?>>map(registration -> ResponseEntity.ok(view(registration)))
			.orElseGet(() -> notFound(locale));
	}

	@DeleteMapping("/{reference}")
	@Operation(summary = "Cancel a registration; its seat goes to the next on the waiting list at once")
	ResponseEntity<?> cancel(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		boolean cancelled = access(reference, authorization)
			.map(access -> events.cancel(access.reference(), access.token()))
			.orElse(false);
		return cancelled ? ResponseEntity.noContent().build() : notFound(locale);
	}

	private ResponseEntity<ProblemDetail> notFound(Locale locale) {
		return problems.status(HttpStatus.NOT_FOUND, "events.problem.registration.notFound", locale);
	}

	private static Optional<Access> access(String reference, @Nullable String authorization) {
		if (!RegistrationReference.isValid(reference) || authorization == null
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = authorization.substring(7).strip();
		if (!RegistrationToken.isValid(token)) {
			return Optional.empty();
		}
		return Optional.of(new Access(RegistrationReference.of(reference), new RegistrationToken(token)));
	}

	private RegistrationView view(Registration registration) {
		var details = registration.details();
		return new RegistrationView(details.reference().value(), registration.status(), details.event().value(),
				details.session(), time(details.start()), time(details.end()), details.participant().name(),
				details.participant().email().value(), details.participant().language().getLanguage(),
				registration.holdExpiresAt() == null ? null : time(registration.holdExpiresAt()),
				registration.waitingPosition());
	}

	private OffsetDateTime time(Instant instant) {
		return instant.atZone(zone).toOffsetDateTime();
	}

	private record Access(RegistrationReference reference, RegistrationToken token) {
	}

	record ConfirmationBody(@Nullable String token) {
	}

	record RegistrationView(String reference, RegistrationStatus status, String event, int session,
			OffsetDateTime start, OffsetDateTime end, String name, String email, String language,
			@Nullable OffsetDateTime holdExpiresAt, @Nullable Integer waitingPosition) {
	}

}
