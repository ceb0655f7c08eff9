package de.buergerservice.booking.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/waiting-list}: wait for fitting capacity; an offer arrives by e-mail.
 */
@RestController
@RequestMapping("/api/v1/waiting-list")
@Tag(name = "Waiting list", description = "Waiting for a fitting time when none is free")
class WaitingListApi {

	private final WaitingList waitingList;

	private final BookingProblems problems;

	private final Clock clock;

	private final City city;

	WaitingListApi(WaitingList waitingList, BookingProblems problems, Clock clock, City city) {
		this.waitingList = waitingList;
		this.problems = problems;
		this.clock = clock;
		this.city = city;
	}

	@PostMapping
	@Operation(summary = "Join the waiting list for some procedures, acceptable locations (none: any) and a date "
			+ "window (at most 93 days)")
	ResponseEntity<?> join(@RequestBody JoinBody body, HttpServletRequest request, Locale locale) {
		try {
			RequestParsing parsing = new RequestParsing();
			var items = parsing.items("procedures", body.procedures(), body.quantities());
			List<LocationId> locations = body.locations() == null ? List.of()
					: body.locations().stream().map(id -> parsing.location("locations", id, true)).toList();
			LocalDate today = LocalDate.now(clock.withZone(city.zone()));
			LocalDate from = parsing.date("from", body.from(), today);
			LocalDate to = parsing.date("to", body.to(), today.plusDays(41));
			var citizen = body.citizen() == null ? new AppointmentsApi.CitizenBody(null, null, null) : body.citizen();
			var who = parsing.citizen(citizen.name(), citizen.email(), citizen.phone(), body.language(), locale);
			parsing.done();
			WaitingList.Joined joined = waitingList
				.join(new WaitingList.Request(items, locations, from, to, who, request.getRemoteAddr()));
			return ResponseEntity.created(URI.create("/api/v1/waiting-list/" + joined.reference()))
				.body(new Joined(joined.reference(), joined.token().value()));
		}
		catch (BookingException ex) {
			return problems.of(ex, locale);
		}
	}

	@DeleteMapping("/{reference}")
	@Operation(summary = "Leave the waiting list (Authorization: Bearer token)")
	ResponseEntity<?> leave(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			Locale locale) {
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : "";
		boolean left = reference.length() <= 20 && AccessToken.isValid(token)
				&& waitingList.leave(reference, new AccessToken(token));
		return left ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problems.problem(HttpStatus.NOT_FOUND, "booking.problem.waiting.notFound", locale));
	}

	record JoinBody(@Nullable List<String> procedures, @Nullable Map<String, Object> quantities,
			@Nullable List<String> locations, @Nullable String from, @Nullable String to,
			AppointmentsApi.@Nullable CitizenBody citizen, @Nullable String language) {
	}

	record Joined(String reference, String token) {
	}

}
