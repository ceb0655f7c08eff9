package de.buergerservice.booking.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.internal.IdempotencyStore;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import de.buergerservice.shared.SecretBox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * {@code /api/v1/appointments}: book, view, move, cancel, confirm and download
 * appointments. The private manage token travels as {@code Authorization: Bearer …}; a
 * wrong one gets the same 404 as an unknown reference.
 */
@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments", description = "Booking, viewing, moving and cancelling appointments")
class AppointmentsApi {

	private final Appointments appointments;

	private final IdempotencyStore idempotency;

	private final BookingProblems problems;

	private final JsonMapper json;

	private final ZoneId zone;

	AppointmentsApi(Appointments appointments, IdempotencyStore idempotency, BookingProblems problems, JsonMapper json,
			City city) {
		this.appointments = appointments;
		this.idempotency = idempotency;
		this.problems = problems;
		this.json = json;
		this.zone = city.zone();
	}

	@PostMapping
	@Operation(summary = "Book a visit of one or several procedures at a location and start time")
	@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
			description = "a retried request with the same key and body gets the first answer")
	ResponseEntity<?> book(@RequestBody BookingBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, HttpServletRequest request,
			Locale locale) {
		if (key == null || key.isBlank()) {
			return answer(body, request, locale);
		}
		if (key.length() > 200) {
			return problem(HttpStatus.BAD_REQUEST, "problem.detail.invalid", locale);
		}
		byte[] hash = SecretBox.sha256(json.writeValueAsString(body));
		return switch (idempotency.claim(key, hash)) {
			case IdempotencyStore.Claim.First first -> {
				ResponseEntity<?> answer;
				try {
					answer = answer(body, request, locale);
				}
				catch (RuntimeException ex) {
					idempotency.forget(key);
					throw ex;
				}
				idempotency.complete(key, answer.getStatusCode().value(), json.writeValueAsString(answer.getBody()));
				yield answer;
			}
			case IdempotencyStore.Claim.Replay replay -> ResponseEntity.status(replay.status())
				.contentType(replay.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
				.header("Idempotent-Replayed", "true")
				.body(replay.body());
			case IdempotencyStore.Claim.Mismatch mismatch ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "booking.problem.idempotency.mismatch", locale);
			case IdempotencyStore.Claim.InProgress inProgress ->
				problem(HttpStatus.CONFLICT, "booking.problem.idempotency.inProgress", locale);
		};
	}

	private ResponseEntity<?> answer(BookingBody body, HttpServletRequest request, Locale locale) {
		try {
			RequestParsing parsing = new RequestParsing();
			var items = parsing.items("procedures", body.procedures(), body.quantities());
			LocationId location = parsing.location("location", body.location(), true);
			Instant start = parsing.instant("start", body.start());
			CitizenBody citizen = body.citizen() == null ? new CitizenBody(null, null, null) : body.citizen();
			var who = parsing.citizen(citizen.name(), citizen.email(), citizen.phone(), body.language(), locale);
			parsing.done();
			Booked booked = appointments.book(new BookingRequest(items, location, start, who, Channel.ONLINE,
					request.getRemoteAddr(), body.proofOfWork(), body.interpreterLanguage()));
			Appointment appointment = booked.appointment();
			return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment.reference()))
				.body(new BookedView(appointment.reference().value(), appointment.status(),
						appointment.start().atZone(zone).toOffsetDateTime(),
						appointment.end().atZone(zone).toOffsetDateTime(), appointment.location().value(),
						booked.manageToken().value(), time(appointment.holdExpiresAt()),
						appointment.interpreterLanguage()));
		}
		catch (BookingException ex) {
			return problems.of(ex, locale);
		}
	}

	@GetMapping("/{reference}")
	@Operation(summary = "An appointment, for the holder of its manage token")
	ResponseEntity<?> get(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		return access(reference, authorization).flatMap(access -> appointments.find(access.reference(), access.token()))
			.<ResponseEntity<?>>map(appointment -> ResponseEntity.ok(view(appointment)))
			.orElseGet(() -> notFound(locale));
	}

	@PostMapping("/{reference}/reschedule")
	@Operation(summary = "Move an appointment; the old time is freed only if the new one is taken")
	ResponseEntity<?> reschedule(@PathVariable String reference, @RequestBody RescheduleBody body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		Optional<Access> access = access(reference, authorization);
		if (access.isEmpty()) {
			return notFound(locale);
		}
		try {
			RequestParsing parsing = new RequestParsing();
			Instant start = parsing.instant("start", body.start());
			LocationId location = parsing.location("location", body.location(), false);
			parsing.done();
			return appointments.reschedule(access.get().reference(), access.get().token(), start, location)
				.<ResponseEntity<?>>map(appointment -> ResponseEntity.ok(view(appointment)))
				.orElseGet(() -> notFound(locale));
		}
		catch (BookingException ex) {
			return problems.of(ex, locale);
		}
	}

	@DeleteMapping("/{reference}")
	@Operation(summary = "Cancel an appointment; its capacity is free again at once")
	ResponseEntity<?> cancel(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		boolean cancelled = access(reference, authorization)
			.map(access -> appointments.cancel(access.reference(), access.token()))
			.orElse(false);
		return cancelled ? ResponseEntity.noContent().build() : notFound(locale);
	}

	@GetMapping("/{reference}/calendar.ics")
	@Operation(summary = "The appointment as an iCalendar file (RFC 5545)")
	ResponseEntity<?> calendar(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		return access(reference, authorization)
			.flatMap(access -> appointments.calendar(access.reference(), access.token()))
			.<ResponseEntity<?>>map(file -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"termin-" + reference + ".ics\"")
				.body(file))
			.orElseGet(() -> notFound(locale));
	}

	@PostMapping("/confirmations")
	@Operation(summary = "Confirm an appointment with the token from the confirmation e-mail")
	ResponseEntity<?> confirm(@RequestBody ConfirmationBody body, Locale locale) {
		if (body.token() == null || !AccessToken.isValid(body.token())) {
			return problem(HttpStatus.NOT_FOUND, "booking.problem.confirmation.notFound", locale);
		}
		return appointments.confirm(new AccessToken(body.token()))
			.<ResponseEntity<?>>map(appointment -> ResponseEntity.ok(view(appointment)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "booking.problem.confirmation.notFound", locale));
	}

	private Optional<Access> access(String reference, @Nullable String authorization) {
		if (!AppointmentReference.isValid(reference) || authorization == null
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = authorization.substring(7).strip();
		if (!AccessToken.isValid(token)) {
			return Optional.empty();
		}
		return Optional.of(new Access(AppointmentReference.of(reference), new AccessToken(token)));
	}

	private ResponseEntity<ProblemDetail> notFound(Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "booking.problem.notFound", locale);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale) {
		return ResponseEntity.status(status).body(problems.problem(status, key, locale));
	}

	private AppointmentView view(Appointment appointment) {
		return new AppointmentView(appointment.reference().value(), appointment.status(),
				appointment.start().atZone(zone).toOffsetDateTime(), appointment.end().atZone(zone).toOffsetDateTime(),
				appointment.location().value(),
				appointment.items()
					.stream()
					.map(item -> new ItemView(item.procedure().value(), item.quantity()))
					.toList(),
				new CitizenBody(appointment.citizen().name(),
						appointment.citizen().email() == null ? null : appointment.citizen().email().value(),
						appointment.citizen().phone()),
				appointment.citizen().language().getLanguage(), time(appointment.holdExpiresAt()),
				appointment.interpreterLanguage());
	}

	private @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	private record Access(AppointmentReference reference, AccessToken token) {
	}

	/** What a client sends to book (every field is checked, so all arrive as sent). */
	record BookingBody(@Nullable List<String> procedures, @Nullable Map<String, Object> quantities,
			@Nullable String location, @Nullable String start, @Nullable CitizenBody citizen, @Nullable String language,
			@Nullable String interpreterLanguage, @Nullable String proofOfWork) {
	}

	record CitizenBody(@Nullable String name, @Nullable String email, @Nullable String phone) {
	}

	record RescheduleBody(@Nullable String start, @Nullable String location) {
	}

	record ConfirmationBody(@Nullable String token) {
	}

	record BookedView(String reference, AppointmentStatus status, OffsetDateTime start, OffsetDateTime end,
			String location, String manageToken, @Nullable OffsetDateTime holdExpiresAt,
			@Nullable String interpreterLanguage) {
	}

	record AppointmentView(String reference, AppointmentStatus status, OffsetDateTime start, OffsetDateTime end,
			String location, List<ItemView> procedures, CitizenBody citizen, String language,
			@Nullable OffsetDateTime holdExpiresAt, @Nullable String interpreterLanguage) {
	}

	record ItemView(String procedure, int quantity) {
	}

}
