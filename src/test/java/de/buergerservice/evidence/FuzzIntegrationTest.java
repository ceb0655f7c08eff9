package de.buergerservice.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Bad input never breaks the application: {@value #DEFAULT_REQUESTS} seeded random
 * requests (more with {@code -Devidence.fuzz.requests=…}; another seed with
 * {@code -Devidence.fuzz.seed=…}, a new one each run with {@code =random}) to every
 * endpoint Spring knows, public ones as a citizen, staff ones signed in with the role
 * they need and with a CSRF token. Not one answer is a 5xx or shows a stack trace; every
 * client error of the API is a problem document and every other one a readable page. The
 * rate limits are raised and the proof of work made cheap so that the fuzzer's requests
 * get past them to the code behind.
 */
@IntegrationTest
@TestPropertySource(properties = { "buergerservice.booking.limits.per-client=100000000",
		"buergerservice.booking.limits.per-email=100000000", "buergerservice.booking.max-active-per-email=100000000",
		"buergerservice.booking.waiting-list.max-entries-per-email=100000000",
		"buergerservice.booking.challenge.max-number=1000" })
class FuzzIntegrationTest {

	/** The seed of a build without {@code -Devidence.fuzz.seed}. */
	static final long DEFAULT_SEED = 13335556561246L;

	static final int DEFAULT_REQUESTS = 10_000;

	private static final String CENTRE = "buergerbuero-otto-schill-strasse";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	List<Endpoint> endpoints;

	Map<String, List<String>> examples;

	@BeforeEach
	void findEndpointsAndExamples() throws Exception {
		endpoints = Endpoint.all(mappings);
		BookingApi api = new BookingApi(mvc);
		JsonNode booked = api.bookFirstFree("personalausweis-beantragen", CENTRE, BookingApi.someone());
		String start = api.slots("procedure=personalausweis-beantragen&location=" + CENTRE + "&limit=1")
			.get(0)
			.get("start")
			.asString();
		examples = new LinkedHashMap<>();
		List<String> procedures = List.of("personalausweis-beantragen", "reisepass-beantragen", "wohnsitz-anmelden");
		List<String> locations = List.of(CENTRE, "buergerbuero-paunsdorf-center", "buergerkoffer", "standesamt");
		for (String name : List.of("procedure", "procedures", "leistung")) {
			examples.put(name, procedures);
		}
		for (String name : List.of("location", "locations", "ort", "orte", "standort")) {
			examples.put(name, locations);
		}
		examples.put("anywhere", List.of("true", "false"));
		examples.put("ueberall", List.of("ja"));
		examples.put("quantity", List.of("personalausweis-beantragen:2"));
		examples.put("anzahl", List.of("personalausweis-beantragen:2"));
		examples.put("quantities", List.of("personalausweis-beantragen:2"));
		examples.put("from", List.of("2026-11-26", "2026-12-01"));
		examples.put("von", List.of("2026-11-26", "2026-12-01"));
		examples.put("to", List.of("2026-12-07", "2027-03-31"));
		examples.put("bis", List.of("2026-12-07", "2027-03-31"));
		examples.put("tag", List.of("2026-12-01", "2026-12-02"));
		examples.put("monat", List.of("2026-12", "2027-01"));
		examples.put("zeit", List.of("08:30", "10:00"));
		examples.put("start", List.of(start));
		examples.put("limit", List.of("1", "5", "100"));
		examples.put("q", List.of("Perso", "Umzug", "Hochzeit"));
		examples.put("lang", List.of("de", "en"));
		examples.put("language", List.of("de", "en"));
		examples.put("sprache", List.of("de", "en"));
		examples.put("name", List.of("Erika Mustermann"));
		examples.put("email", List.of("erika@example.org"));
		examples.put("phone", List.of("0341 123456"));
		examples.put("telefon", List.of("0341 123456"));
		examples.put("reference", List.of(booked.get("reference").asString()));
		examples.put("verschieben", List.of(booked.get("reference").asString()));
		examples.put("vorgang", List.of(booked.get("reference").asString()));
		examples.put("token", List.of(booked.get("manageToken").asString()));
		examples.put("Authorization", List.of("Bearer " + booked.get("manageToken").asString()));
		examples.put("Idempotency-Key", List.of(UUID.randomUUID().toString()));
		examples.put("counter", List.of(CENTRE + "-01", CENTRE + "-02"));
		examples.put("target", List.of(CENTRE + "-02"));
		examples.put("action", List.of("anmelden", "aufrufen", "erneut", "da", "nicht-erschienen", "zurueckstellen",
				"fortsetzen", "weitergeben", "abmelden"));
		examples.put("ticket", List.of(UUID.randomUUID().toString()));
		examples.put("position", List.of("0", "1"));
	}

	@Test
	void findsEveryPublicAndStaffEndpoint() {
		assertThat(endpoints).extracting(Endpoint::toString)
			.contains("POST /api/v1/appointments", "GET /api/v1/availability/days", "GET /suche", "POST /termin",
					"GET /staff/protokoll", "POST /staff/schalter/{counter}/{action}",
					"POST /staff/standort/{location}/wartemarke", "GET /display/{location}");
		assertThat(endpoints.stream().filter(Endpoint::isStaff)).hasSizeGreaterThanOrEqualTo(7);
	}

	@Test
	void answersEveryBadRequestWithAClientErrorInTheRightShape() throws Exception {
		// a fixed seed by default, so that a build is red or green for the same requests;
		// "random" explores new ones
		String configured = System.getProperty("evidence.fuzz.seed", String.valueOf(DEFAULT_SEED));
		long seed = "random".equals(configured) ? System.nanoTime() : Long.parseLong(configured);
		int requests = Integer.getInteger("evidence.fuzz.requests", DEFAULT_REQUESTS);
		System.out.println("Fuzzing with seed " + seed + " (repeat with -Devidence.fuzz.seed=" + seed + ")");
		HttpFuzzer fuzzer = new HttpFuzzer(port, endpoints, this::examples, new SignedIn());

		HttpFuzzer.Report report = fuzzer.run(seed, requests, 4);

		System.out.println("Fuzzing " + report.summary());
		System.out.println("Fuzzing per endpoint " + report.byEndpoint());
		assertThat(report.requests()).isEqualTo(requests);
		assertThat(report.byEndpoint()).as("every endpoint got requests").hasSize(endpoints.size());
		assertThat(report.failures()).as(report.summary()).isEmpty();
	}

	@Test
	void searchesTheAuditLogForAControlCharacterWithoutAServerError() throws Exception {
		var response = mvc
			.perform(get("/staff/protokoll").param("vorgang", "T-\u0000")
				.with(user("admin").authorities(() -> "ROLE_STAFF", () -> "ADMINISTRATOR")))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void showsTheFrontDeskWithAWaitingWalkIn() throws Exception {
		var counter = user("schalter.zentrum").authorities(() -> "ROLE_STAFF", () -> "COUNTER_STAFF@" + CENTRE);
		var issued = mvc
			.perform(post("/staff/standort/" + CENTRE + "/wartemarke").param("procedure", "personalausweis-beantragen")
				.with(counter)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(issued.getRedirectedUrl()).contains("/wartemarke/");

		var desk = mvc.perform(get("/staff/standort/" + CENTRE).with(counter)).andReturn().getResponse();

		assertThat(desk.getStatus()).isEqualTo(200);
		assertThat(desk.getContentAsString()).contains("Personalausweis");
	}

	private List<String> examples(Endpoint endpoint, String name) {
		if (name.equals("id")) {
			String pattern = endpoint.pattern();
			if (pattern.contains("procedures") || pattern.startsWith("/leistungen")) {
				return examples.get("procedure");
			}
			if (pattern.contains("locations") || pattern.startsWith("/standorte")) {
				return examples.get("location");
			}
			if (pattern.startsWith("/lebenslagen")) {
				return List.of("umzug", "heirat", "geburt");
			}
			return List.of(UUID.randomUUID().toString());
		}
		if (name.equals("proofOfWork")) {
			try {
				return List.of(new BookingApi(mvc).proofOfWork());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return examples.getOrDefault(name, List.of());
	}

	/**
	 * The fuzzer's sessions: an anonymous citizen with the CSRF cookie, counter staff of
	 * the centre for the front desk, the administrator for everything else.
	 */
	private final class SignedIn implements HttpFuzzer.Sessions {

		private final Session citizen;

		private final Session counter;

		private final Session administrator;

		SignedIn() throws Exception {
			this.citizen = anonymous();
			this.counter = login("schalter.zentrum");
			this.administrator = login("admin");
		}

		@Override
		public Session citizen() {
			return citizen;
		}

		@Override
		public Session staffFor(String pattern) {
			return pattern.startsWith("/staff/standort") || pattern.startsWith("/staff/schalter") ? counter
					: administrator;
		}

		private Session anonymous() throws Exception {
			Map<String, String> cookies = new LinkedHashMap<>();
			String csrf = csrfOf(get("/staff/login", cookies));
			return new Session(cookieHeader(cookies), csrf);
		}

		private Session login(String username) throws Exception {
			Map<String, String> cookies = new LinkedHashMap<>();
			String csrf = csrfOf(get("/staff/login", cookies));
			String form = "username=" + username + "&password=demo-passwort&_csrf=" + csrf;
			RawHttp.Response login = exchange("POST /staff/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
					+ "\r\nCookie: " + cookieHeader(cookies) + "\r\n\r\n" + form, cookies);
			assertThat(login.header("location")).as("login of " + username).endsWith("/staff");
			String staffCsrf = csrfOf(get("/staff", cookies));
			return new Session(cookieHeader(cookies), staffCsrf);
		}

		private RawHttp.Response get(String path, Map<String, String> cookies) throws Exception {
			String cookie = cookies.isEmpty() ? "" : "Cookie: " + cookieHeader(cookies) + "\r\n";
			RawHttp.Response response = exchange(
					"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + cookie + "\r\n", cookies);
			assertThat(response.status()).as(path).isEqualTo(200);
			return response;
		}

		private RawHttp.Response exchange(String request, Map<String, String> cookies) throws Exception {
			RawHttp.Response response = RawHttp.exchange(port, request.getBytes(StandardCharsets.UTF_8),
					Duration.ofSeconds(30));
			for (String setCookie : response.headers("set-cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String value = pair.substring(equals + 1);
				if (value.isEmpty()) {
					cookies.remove(pair.substring(0, equals));
				}
				else {
					cookies.put(pair.substring(0, equals), value);
				}
			}
			return response;
		}

		private static String csrfOf(RawHttp.Response page) {
			String token = Jsoup.parse(page.text()).select("input[name=_csrf]").attr("value");
			assertThat(token).as("CSRF token in the page").isNotBlank();
			return token;
		}

		private static String cookieHeader(Map<String, String> cookies) {
			List<String> pairs = new ArrayList<>();
			cookies.forEach((name, value) -> pairs.add(name + "=" + value));
			return String.join("; ", pairs);
		}

	}

}
