package de.buergerservice.interpreting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.BookingApi.Who;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registry consultations with a video interpreter, through the public API and the
 * registry's pages: only times when a counter and an interpreter of the language are
 * free, both taken in one transaction, moved and freed together; bad input refused
 * without a change; the languages from the JDK; minutes and the monthly cost report.
 * <p>
 * Sorani Kurdish ({@code ckb}), Pashto ({@code ps}) and Tajik ({@code tg}) are each
 * spoken by one interpreter of the demo city, so their interpreter, not the registry's
 * three counters, is what limits the times; Sorani's works on three days a week only.
 */
@IntegrationTest
class InterpretingIntegrationTest {

	private static final String CONSULTATION = "vorgespraech-eheschliessung";

	private static final String REGISTRY = "standesamt";

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	/** When Amira Haddad, the demo city's only interpreter of Sorani, works. */
	private static final Map<DayOfWeek, List<Hours>> SORANI_HOURS = Map.of(DayOfWeek.MONDAY,
			List.of(hours("09:00", "13:00")), DayOfWeek.WEDNESDAY, List.of(hours("09:00", "13:00")), DayOfWeek.THURSDAY,
			List.of(hours("13:00", "18:00")));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Interpreting interpreting;

	BookingApi api;

	CapacityLedger ledger;

	@BeforeEach
	void setUp() {
		api = new BookingApi(mvc);
		ledger = new CapacityLedger(jdbc);
	}

	@AfterEach
	void checkTheLedgerAndTheInterpreters() {
		clock.reset();
		assertThat(ledger.violations()).isEmpty();
		// the exclusion constraint's promise, checked from the rows
		assertThat(jdbc.sql("""
				SELECT count(*) FROM interpreting.assignment a JOIN interpreting.assignment b
				  ON a.interpreter_id = b.interpreter_id AND a.appointment_reference < b.appointment_reference
				 AND a.active AND b.active AND a.start_at < b.end_at AND b.start_at < a.end_at""")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void offersLanguagesFromTheJdkInGermanAndEnglish() throws Exception {
		JsonNode languages = api.json(mvc.perform(get("/api/v1/languages")).andReturn().getResponse());

		assertThat(languages.size()).isEqualTo(65);
		Map<String, JsonNode> byCode = new HashMap<>();
		languages.forEach(language -> byCode.put(language.get("code").asString(), language));
		assertThat(byCode.get("ar").get("nameDe").asString()).isEqualTo("Arabisch");
		assertThat(byCode.get("ar").get("nameEn").asString()).isEqualTo("Arabic");
		assertThat(byCode.get("uk").get("nameDe").asString()).isEqualTo("Ukrainisch");
		assertThat(byCode.get("ckb").get("nameDe").asString())
			.isEqualTo(Locale.of("ckb").getDisplayLanguage(Locale.GERMAN));
		assertThat(byCode.keySet()).allMatch(code -> code.matches("[a-z]{2,3}"));
	}

	@Test
	void offersOnlyTimesWhenTheInterpreterOfTheLanguageWorks() throws Exception {
		JsonNode withSorani = api.slots(query("ckb") + "&limit=200");
		JsonNode withoutInterpreter = api.slots("procedure=" + CONSULTATION + "&location=" + REGISTRY + "&limit=200");

		assertThat(withSorani.size()).isPositive();
		int duration = 0;
		for (JsonNode slot : withSorani) {
			ZonedDateTime start = OffsetDateTime.parse(slot.get("start").asString()).atZoneSameInstant(ZONE);
			ZonedDateTime end = OffsetDateTime.parse(slot.get("end").asString()).atZoneSameInstant(ZONE);
			assertThat(withinSoraniHours(start, end)).as(start + " within Amira Haddad's hours").isTrue();
			duration = (int) Duration.between(start, end).toMinutes();
		}
		assertThat(duration).isPositive();
		// the registry itself is open on Tuesdays and Fridays, when no one interprets
		// Sorani
		assertThat(days(withoutInterpreter)).contains(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY);
		assertThat(days(withSorani)).doesNotContain(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY);
	}

	@Test
	void anInterpreterIsNeverBookedTwiceWhateverTheConcurrency() throws Exception {
		String start = api.slots(query("ckb") + "&limit=1").get(0).get("start").asString();
		int racers = 10;
		List<Map<String, Object>> bodies = new ArrayList<>();
		List<Who> who = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			Who citizen = BookingApi.someone();
			who.add(citizen);
			bodies.add(withLanguage(api.body(CONSULTATION, REGISTRY, start, citizen), "ckb"));
		}
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
			for (int i = 0; i < racers; i++) {
				int n = i;
				answers.add(threads.submit(() -> {
					go.await();
					return api.book(bodies.get(n), who.get(n)).getStatus();
				}));
			}
			go.countDown();
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}

		// three counters were free at that time, but only one interpreter of Sorani
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter(status -> status == 201).count()).isOne();
		assertThat(starts(api.slots(query("ckb") + "&limit=200"))).doesNotContain(start);
		assertThat(starts(api.slots("procedure=" + CONSULTATION + "&location=" + REGISTRY + "&limit=200")))
			.contains(start);
	}

	@Test
	void bookingTakesTheInterpreterAndCancellingFreesThem() throws Exception {
		String start = api.slots(query("ps") + "&limit=1").get(0).get("start").asString();
		Who who = BookingApi.someone();

		MockHttpServletResponse response = api.book(withLanguage(api.body(CONSULTATION, REGISTRY, start, who), "ps"),
				who);

		assertThat(response.getStatus()).isEqualTo(201);
		JsonNode booked = api.json(response);
		assertThat(booked.get("interpreterLanguage").asString()).isEqualTo("ps");
		AppointmentReference reference = AppointmentReference.parse(booked.get("reference").asString()).orElseThrow();
		Assignment assignment = interpreting.assignment(reference).orElseThrow();
		assertThat(assignment.active()).isTrue();
		assertThat(assignment.language().code()).isEqualTo("ps");
		assertThat(assignment.start()).isEqualTo(Instant.parse(booked.get("start").asString()));
		assertThat(assignment.videoSession().toString()).startsWith("https://")
			.doesNotContain(reference.value())
			.matches(".*/[A-Za-z0-9_-]{22,}$");
		assertThat(starts(api.slots(query("ps") + "&limit=200"))).doesNotContain(start);

		MockHttpServletResponse cancelled = mvc.perform(delete("/api/v1/appointments/" + reference.value())
			.header("Authorization", "Bearer " + booked.get("manageToken").asString())).andReturn().getResponse();

		assertThat(cancelled.getStatus()).isEqualTo(204);
		assertThat(interpreting.assignment(reference).orElseThrow().active()).isFalse();
		assertThat(starts(api.slots(query("ps") + "&limit=200"))).contains(start);
	}

	@Test
	void movingTakesTheInterpreterAlongOrNothingMoves() throws Exception {
		JsonNode free = api.slots(query("ckb") + "&limit=200");
		String first = free.get(0).get("start").asString();
		Who who = BookingApi.someone();
		JsonNode booked = api.json(api.book(withLanguage(api.body(CONSULTATION, REGISTRY, first, who), "ckb"), who));
		String reference = booked.get("reference").asString();
		String token = booked.get("manageToken").asString();
		String later = free.get(free.size() - 1).get("start").asString();

		MockHttpServletResponse moved = reschedule(reference, token, later);

		assertThat(moved.getStatus()).isEqualTo(200);
		Assignment assignment = interpreting.assignment(AppointmentReference.parse(reference).orElseThrow())
			.orElseThrow();
		assertThat(assignment.start()).isEqualTo(Instant.parse(api.json(moved).get("start").asString()));
		Set<String> now = starts(api.slots(query("ckb") + "&limit=200"));
		assertThat(now).contains(first).doesNotContain(later);

		// a time when the counters are free but no one interprets Sorani: refused,
		// nothing
		// moves
		String withoutInterpreter = null;
		for (JsonNode slot : api.slots("procedure=" + CONSULTATION + "&location=" + REGISTRY + "&limit=200")) {
			if (!now.contains(slot.get("start").asString()) && !later.equals(slot.get("start").asString())) {
				withoutInterpreter = slot.get("start").asString();
				break;
			}
		}
		assertThat(withoutInterpreter).isNotNull();
		long seats = ledger.bookedSeats();

		MockHttpServletResponse refused = reschedule(reference, token, withoutInterpreter);

		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(ledger.bookedSeats()).isEqualTo(seats);
		assertThat(interpreting.assignment(AppointmentReference.parse(reference).orElseThrow()).orElseThrow().start())
			.isEqualTo(assignment.start());
	}

	@ParameterizedTest(name = "interpreterLanguage={0}")
	@ValueSource(strings = { "xx", "klingonisch", "de-DE", "' OR 1=1--", "zu" })
	void refusesALanguageNotOfferedWithoutAChange(String language) throws Exception {
		String start = api.slots(query("ar") + "&limit=1").get(0).get("start").asString();
		Who who = BookingApi.someone();
		int appointments = count("booking.appointment");
		int assignments = count("interpreting.assignment");

		MockHttpServletResponse response = api
			.book(withLanguage(api.body(CONSULTATION, REGISTRY, start, who), language), who);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("interpreterLanguage");
		assertThat(count("booking.appointment")).isEqualTo(appointments);
		assertThat(count("interpreting.assignment")).isEqualTo(assignments);
		MockHttpServletResponse availability = mvc
			.perform(get("/api/v1/availability?procedure=" + CONSULTATION + "&location=" + REGISTRY
					+ "&interpreterLanguage=" + java.net.URLEncoder.encode(language, "UTF-8")))
			.andReturn()
			.getResponse();
		assertThat(availability.getStatus()).isEqualTo(400);
		assertThat(availability.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void registryStaffSeeTheDayRecordMinutesAndTheCityItsCosts() throws Exception {
		String start = api.slots(query("tg") + "&limit=1").get(0).get("start").asString();
		Who who = BookingApi.someone();
		JsonNode booked = api.json(api.book(withLanguage(api.body(CONSULTATION, REGISTRY, start, who), "tg"), who));
		String reference = booked.get("reference").asString();
		ZonedDateTime when = OffsetDateTime.parse(start).atZoneSameInstant(ZONE);
		RequestPostProcessor registry = user("standesamt").authorities(() -> "ROLE_STAFF",
				() -> "REGISTRY_STAFF@standesamt");

		String day = mvc.perform(get("/staff/dolmetschen?standort=standesamt&tag=" + when.toLocalDate()).with(registry))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(day).contains(reference, "Dariush Karimi", Locale.of("tg").getDisplayLanguage(Locale.GERMAN));

		// not before the consultation
		mvc.perform(
				post("/staff/dolmetschen/" + reference + "/minuten").param("minuten", "25").with(registry).with(csrf()))
			.andReturn();
		assertThat(recordedMinutes(reference)).isEmpty();

		clock.set(when.plusMinutes(40));
		for (String bad : List.of("", "viele", "-5", "100000")) {
			mvc.perform(post("/staff/dolmetschen/" + reference + "/minuten").param("minuten", bad)
				.with(registry)
				.with(csrf())).andReturn();
		}
		assertThat(recordedMinutes(reference)).isEmpty();
		MockHttpServletResponse recorded = mvc.perform(
				post("/staff/dolmetschen/" + reference + "/minuten").param("minuten", "25").with(registry).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(recorded.getStatus()).isEqualTo(302);
		assertThat(recordedMinutes(reference)).containsExactly(25);

		RequestPostProcessor head = user("leitung.standesamt").authorities(() -> "ROLE_STAFF",
				() -> "HEAD_OF_OFFICE@standesamt");
		YearMonth month = YearMonth.from(when);
		MockHttpServletResponse csv = mvc.perform(get("/staff/dolmetschen/abrechnung.csv?monat=" + month).with(head))
			.andReturn()
			.getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		String karimi = csv.getContentAsString()
			.lines()
			.filter(line -> line.contains("Dariush Karimi") && line.contains(",tg,"))
			.findFirst()
			.orElseThrow();
		// 5.00 per contact and 1.20 per minute: 5.00 + 25 × 1.20
		assertThat(karimi).startsWith(month + ",").endsWith(",1,25,35.00");
		assertThat(mvc.perform(get("/staff/dolmetschen/abrechnung?monat=" + month).with(head))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Dariush Karimi", "35,00");
		// a member of the registry's staff does not see the city's account
		assertThat(mvc.perform(get("/staff/dolmetschen/abrechnung.csv?monat=" + month).with(registry))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private MockHttpServletResponse reschedule(String reference, String token, String start) throws Exception {
		return mvc
			.perform(
					post("/api/v1/appointments/" + reference + "/reschedule").header("Authorization", "Bearer " + token)
						.contentType(MediaType.APPLICATION_JSON)
						.content(BookingApi.write(Map.of("start", start))))
			.andReturn()
			.getResponse();
	}

	private List<Integer> recordedMinutes(String reference) {
		return jdbc.sql("SELECT minutes FROM interpreting.session_minutes WHERE appointment_reference = ?")
			.param(reference)
			.query(Integer.class)
			.list();
	}

	private int count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
	}

	private static String query(String language) {
		return "procedure=" + CONSULTATION + "&location=" + REGISTRY + "&interpreterLanguage=" + language;
	}

	private static Map<String, Object> withLanguage(Map<String, Object> body, String language) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put("interpreterLanguage", language);
		return copy;
	}

	private static Set<String> starts(JsonNode slots) {
		Set<String> starts = new HashSet<>();
		slots.forEach(slot -> starts.add(slot.get("start").asString()));
		return starts;
	}

	private static Set<DayOfWeek> days(JsonNode slots) {
		Set<DayOfWeek> days = new HashSet<>();
		slots.forEach(slot -> days.add(OffsetDateTime.parse(slot.get("start").asString()).getDayOfWeek()));
		return days;
	}

	private static boolean withinSoraniHours(ZonedDateTime start, ZonedDateTime end) {
		return SORANI_HOURS.getOrDefault(start.getDayOfWeek(), List.of())
			.stream()
			.anyMatch(hours -> !start.toLocalTime().isBefore(hours.from()) && !end.toLocalTime().isAfter(hours.to()));
	}

	private static Hours hours(String from, String to) {
		return new Hours(LocalTime.parse(from), LocalTime.parse(to));
	}

	private record Hours(LocalTime from, LocalTime to) {
	}

}
