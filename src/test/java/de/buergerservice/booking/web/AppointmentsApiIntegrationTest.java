package de.buergerservice.booking.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.booking.internal.BookingJobs;
import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.BookingApi.Who;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static de.buergerservice.testsupport.BookingApi.asClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The appointments API as a client uses it: book, view, move, cancel, download, confirm;
 * bad input, limits and idempotency; and the arbiter's ledger after each.
 */
@IntegrationTest
class AppointmentsApiIntegrationTest {

	private static final String ID_CARD = "personalausweis-beantragen";

	private static final String CENTRE = "buergerbuero-otto-schill-strasse";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	BookingJobs jobs;

	BookingApi api;

	CapacityLedger ledger;

	@BeforeEach
	void setUp() {
		api = new BookingApi(mvc);
		ledger = new CapacityLedger(jdbc);
	}

	@AfterEach
	void checkTheLedger() {
		clock.reset();
		assertThat(ledger.violations()).isEmpty();
	}

	@Test
	void booksAndHoldsTheTimeUntilTheCitizenConfirms() throws Exception {
		Who who = BookingApi.someone();
		JsonNode first = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1").get(0);
		String start = first.get("start").asString();

		MockHttpServletResponse response = api.book(api.body(ID_CARD, CENTRE, start, who), who);

		assertThat(response.getStatus()).isEqualTo(201);
		JsonNode booked = api.json(response);
		assertThat(booked.get("reference").asString()).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(booked.get("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
		assertThat(booked.get("start").asString()).isEqualTo(start).endsWith("+01:00");
		assertThat(booked.get("location").asString()).isEqualTo(CENTRE);
		assertThat(booked.get("manageToken").asString()).hasSize(43);
		assertThat(response.getHeader("Location"))
			.endsWith("/api/v1/appointments/" + booked.get("reference").asString());
		JsonNode after = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1").get(0);
		assertThat(after.get("start").asString().equals(start) ? after.get("free").asInt() : 0)
			.isLessThan(first.get("free").asInt());
	}

	@Test
	void showsTheAppointmentOnlyToTheHolderOfItsToken() throws Exception {
		JsonNode booked = api.bookFirstFree(ID_CARD, CENTRE, BookingApi.someone());
		String reference = booked.get("reference").asString();
		String token = booked.get("manageToken").asString();

		MockHttpServletResponse mine = mvc
			.perform(get("/api/v1/appointments/" + reference).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse();
		MockHttpServletResponse wrongToken = mvc
			.perform(get("/api/v1/appointments/" + reference).header("Authorization", "Bearer " + "x".repeat(43)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknown = mvc
			.perform(get("/api/v1/appointments/T-0000-0000").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse();
		MockHttpServletResponse noToken = mvc.perform(get("/api/v1/appointments/" + reference))
			.andReturn()
			.getResponse();

		assertThat(mine.getStatus()).isEqualTo(200);
		assertThat(api.json(mine).get("procedures").get(0).get("procedure").asString()).isEqualTo(ID_CARD);
		for (MockHttpServletResponse refused : List.of(wrongToken, unknown, noToken)) {
			assertThat(refused.getStatus()).isEqualTo(404);
			assertThat(api.json(refused).get("detail")).isEqualTo(api.json(wrongToken).get("detail"));
			assertThat(api.json(refused).get("title")).isEqualTo(api.json(wrongToken).get("title"));
		}
	}

	@Test
	void cancelsAndFreesTheCapacityAtOnce() throws Exception {
		long before = ledger.bookedSeats();
		JsonNode booked = api.bookFirstFree(ID_CARD, CENTRE, BookingApi.someone());
		assertThat(ledger.bookedSeats()).isGreaterThan(before);

		MockHttpServletResponse cancelled = mvc
			.perform(delete("/api/v1/appointments/" + booked.get("reference").asString()).header("Authorization",
					"Bearer " + booked.get("manageToken").asString()))
			.andReturn()
			.getResponse();

		assertThat(cancelled.getStatus()).isEqualTo(204);
		assertThat(ledger.bookedSeats()).isEqualTo(before);
		MockHttpServletResponse again = mvc.perform(get("/api/v1/appointments/" + booked.get("reference").asString())
			.header("Authorization", "Bearer " + booked.get("manageToken").asString())).andReturn().getResponse();
		assertThat(api.json(again).get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void movesToAnotherTimeAndFreesTheOldOne() throws Exception {
		JsonNode booked = api.bookFirstFree(ID_CARD, CENTRE, BookingApi.someone());
		JsonNode later = api
			.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&from=2026-12-03&to=2026-12-03&limit=1")
			.get(0);

		MockHttpServletResponse moved = mvc
			.perform(post("/api/v1/appointments/" + booked.get("reference").asString() + "/reschedule")
				.header("Authorization", "Bearer " + booked.get("manageToken").asString())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApi.write(Map.of("start", later.get("start").asString()))))
			.andReturn()
			.getResponse();

		assertThat(moved.getStatus()).isEqualTo(200);
		assertThat(api.json(moved).get("start").asString()).isEqualTo(later.get("start").asString());
		assertThat(api.json(moved).get("reference").asString()).isEqualTo(booked.get("reference").asString());
	}

	@Test
	void servesTheAppointmentAsAnICalendarFile() throws Exception {
		JsonNode booked = api.bookFirstFree(ID_CARD, CENTRE, BookingApi.someone());
		String reference = booked.get("reference").asString();

		MockHttpServletResponse file = mvc
			.perform(get("/api/v1/appointments/" + reference + "/calendar.ics").header("Authorization",
					"Bearer " + booked.get("manageToken").asString()))
			.andReturn()
			.getResponse();

		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentType()).startsWith("text/calendar");
		assertThat(file.getContentAsString()).startsWith("BEGIN:VCALENDAR")
			.contains("BEGIN:VEVENT", "UID:" + reference, "DTSTART", "Otto-Schill-Straße")
			.contains("Personalausweis beantragen");
	}

	@Test
	void expiresAnUnconfirmedHoldAndReleasesItsCapacity() throws Exception {
		JsonNode booked = api.bookFirstFree(ID_CARD, CENTRE, BookingApi.someone());
		long held = ledger.bookedSeats();
		clock.advance(java.time.Duration.ofMinutes(31));

		assertThat(jobs.expireHolds()).isGreaterThanOrEqualTo(1);

		assertThat(ledger.bookedSeats()).isLessThan(held);
		MockHttpServletResponse expired = mvc.perform(get("/api/v1/appointments/" + booked.get("reference").asString())
			.header("Authorization", "Bearer " + booked.get("manageToken").asString())).andReturn().getResponse();
		assertThat(api.json(expired).get("status").asString()).isEqualTo("EXPIRED");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			value = { "start=2026-11-20T09:00:00+01:00 | start", "start=2026-11-26T09:03:00+01:00 | start",
					"start=tomorrow | start", "start=2026-12-25T10:00:00+01:00 | start",
					"start=2026-11-26T03:00:00+01:00 | start", "location=gibt-es-nicht | location",
					"location=standesamt | location", "procedure=gibt-es-nicht | procedures",
					"procedure=ausweis-abholen | procedures", "name= | citizen.name", "name=LONG | citizen.name",
					"email=keine-adresse | citizen.email", "email=a@b | citizen.email",
					"phone=<script> | citizen.phone", "language=fr | language", "quantity=9 | quantities",
					"quantity=0 | quantities", "proofOfWork= | proofOfWork", "proofOfWork=wait:1:abc | proofOfWork" })
	void refusesBadInputWithFieldErrorsAndHoldsNothing(String change, String field) throws Exception {
		Who who = BookingApi.someone();
		String start = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		Map<String, Object> body = new HashMap<>(api.body(ID_CARD, CENTRE, start, who));
		Map<String, Object> citizen = new HashMap<>(Map.of("name", who.name(), "email", who.email()));
		String[] pair = change.split("=", 2);
		String value = pair[1].equals("LONG") ? "x".repeat(101) : pair[1];
		switch (pair[0]) {
			case "name", "email", "phone" -> citizen.put(pair[0], value);
			case "procedure" -> body.put("procedures", List.of(value));
			case "quantity" -> body.put("quantities", Map.of(ID_CARD, Integer.parseInt(value)));
			default -> body.put(pair[0], value);
		}
		body.put("citizen", citizen);
		long seats = ledger.bookedSeats();
		long appointments = ledger.appointments();

		MockHttpServletResponse response = api.book(body, who);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = api.json(response);
		assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		assertThat(ledger.bookedSeats()).isEqualTo(seats);
		assertThat(ledger.appointments()).isEqualTo(appointments);
	}

	@Test
	void refusesBodiesThatAreNotJson() throws Exception {
		for (String body : List.of("{", "[]", "\"text\"", "{\"procedures\": 5}", "null")) {
			MockHttpServletResponse response = mvc
				.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(body).isEqualTo(400);
			assertThat(response.getContentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void answersARetryWithTheSameIdempotencyKeyWithTheFirstAnswer() throws Exception {
		Who who = BookingApi.someone();
		String start = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		String body = BookingApi.write(api.body(ID_CARD, CENTRE, start, who));
		long appointments = ledger.appointments();

		MockHttpServletResponse first = mvc
			.perform(asClient(post("/api/v1/appointments"), who).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "key-" + who.email())
				.content(body))
			.andReturn()
			.getResponse();
		MockHttpServletResponse retry = mvc
			.perform(asClient(post("/api/v1/appointments"), who).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "key-" + who.email())
				.content(body))
			.andReturn()
			.getResponse();
		MockHttpServletResponse other = mvc
			.perform(asClient(post("/api/v1/appointments"), who).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "key-" + who.email())
				.content(body.replace(who.name(), "Max Mustermann")))
			.andReturn()
			.getResponse();

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat(api.json(retry)).isEqualTo(api.json(first));
		assertThat(ledger.appointments()).isEqualTo(appointments + 1);
		assertThat(other.getStatus()).isEqualTo(422);
	}

	@Test
	void limitsActiveAppointmentsPerEmailAddress() throws Exception {
		Who who = BookingApi.someone();
		for (int i = 0; i < 3; i++) {
			assertThat(api.bookFirstFree(ID_CARD, CENTRE, who).has("reference")).isTrue();
		}

		JsonNode fourth = api.bookFirstFree(ID_CARD, CENTRE, who);

		assertThat(fourth.get("status").asInt()).isEqualTo(429);
		assertThat(fourth.get("limit").asString()).isEqualTo("ACTIVE_APPOINTMENTS_PER_EMAIL");
	}

	@Test
	void limitsRequestsPerClientAcrossEveryInstance() throws Exception {
		Who who = BookingApi.someone();
		String start = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		int refused = 0;
		for (int i = 0; i < 22; i++) {
			Who sameClient = new Who(who.client(), i + who.email(), who.name());
			Map<String, Object> withoutProof = new HashMap<>(api.body(ID_CARD, CENTRE, start, sameClient));
			withoutProof.remove("proofOfWork");
			MockHttpServletResponse response = api.book(withoutProof, sameClient);
			if (response.getStatus() == 429) {
				refused++;
				assertThat(api.json(response).get("limit").asString()).isEqualTo("REQUESTS_PER_CLIENT");
				assertThat(response.getHeader("Retry-After")).isNotBlank();
			}
		}
		assertThat(refused).isEqualTo(2);
	}

	@Test
	void acceptsEachSolvedChallengeOnlyOnce() throws Exception {
		Who who = BookingApi.someone();
		String start = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		Map<String, Object> body = api.body(ID_CARD, CENTRE, start, who);
		assertThat(api.book(body, who).getStatus()).isEqualTo(201);

		Who other = BookingApi.someone();
		Map<String, Object> reused = new HashMap<>(body);
		reused.put("citizen", Map.of("name", other.name(), "email", other.email()));
		MockHttpServletResponse response = api.book(reused, other);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("proofOfWork");
	}

	@Test
	void refusesAnInterpreterForProceduresThatOfferNone() throws Exception {
		Who who = BookingApi.someone();
		String start = api.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		Map<String, Object> body = new HashMap<>(api.body(ID_CARD, CENTRE, start, who));
		body.put("interpreterLanguage", "ar");

		MockHttpServletResponse response = api.book(body, who);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("interpreterLanguage");
		assertThat(mvc
			.perform(get(
					"/api/v1/availability?procedure=" + ID_CARD + "&location=" + CENTRE + "&interpreterLanguage=ar"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

}
