package de.buergerservice.booking.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.internal.ProofOfWork;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.shared.SecretBox;
import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The booking pages step by step, without JavaScript, in German and English: every page,
 * every way a choice can be wrong, booking with the no-JavaScript wait and with a solved
 * challenge, confirming from the e-mail's token, the manage page with its calendar file,
 * cancelling and moving, the waiting list, and the limits.
 */
@IntegrationTest
@RecordApplicationEvents
class BookingPagesIntegrationTest {

	static final String ID_CARD = "personalausweis-beantragen";

	static final String OFFICE = "buergerbuero-otto-schill-strasse";

	static final String SMALL_OFFICE = "aussenstelle-holzhausen";

	/** Every booking comes from an address and e-mail of its own, clear of the limits. */
	private static final AtomicInteger CITIZENS = new AtomicInteger();

	/** Every booking takes another time, so that tests do not fill each other's. */
	private static final AtomicInteger TIMES = new AtomicInteger();

	/** Every form is fetched at a moment of its own (see {@link #moment()}). */
	private static final AtomicInteger STAMPS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProofOfWork proofOfWork;

	@Autowired
	SecretBox secrets;

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	// The steps

	@Test
	void walksEveryStepInGermanAndEnglish() throws Exception {
		for (String language : List.of("de", "en")) {
			Document procedures = page(get("/termin").param("leistung", ID_CARD).param("lang", language), 200);
			assertPage(procedures, language);

			Document location = page(get("/termin/ort").param("leistung", ID_CARD).param("lang", language), 200);
			assertPage(location, language);

			Document calendar = page(
					get("/termin/tag").param("leistung", ID_CARD).param("ort", OFFICE).param("lang", language), 200);
			assertPage(calendar, language);

			Document times = page(get(calendar.select("td.free a").first().attr("href")).param("lang", language), 200);
			assertPage(times, language);

			Document form = page(get(times.select("ul.times a").first().attr("href")).param("lang", language), 200);
			assertPage(form, language);
			assertThat(form.select("input[name=sprache][checked]").attr("value")).isEqualTo(language);
		}
	}

	@Test
	void theProcedurePagesButtonLeadsToTheChoiceWithTheProcedureChosen() throws Exception {
		String button = page(get("/leistungen/" + ID_CARD), 200).select("a.button").attr("href");

		Document choice = page(get(button), 200);

		assertThat(choice.select("fieldset.chosen-procedures legend").text()).isEqualTo("Ihre Auswahl");
		assertThat(choice.select("fieldset.chosen-procedures input[type=checkbox][checked]").eachAttr("value"))
			.containsExactly(ID_CARD);
		assertThat(choice.select("select#q-" + ID_CARD + " option")).hasSize(4);
		assertThat(choice.select("label[for=q-" + ID_CARD + "]").text()).contains("Personalausweis beantragen");
		assertThat(choice.select("form[action=/termin/ort][method=get]")).hasSize(1);
		assertThat(choice.select("fieldset.procedures legend").eachText()).contains("Meldeservice", "Standesamt");
		assertThat(choice.select("input[value=ausweis-abholen]")).as("walk-in only").isEmpty();
	}

	@Test
	void aLifeEventChoosesItsBookableProcedures() throws Exception {
		Document choice = page(get("/termin").param("lebenslage", "geburt"), 200);

		List<String> bookable = catalog.lifeEvent(LifeEventId.of("geburt"))
			.orElseThrow()
			.procedures()
			.stream()
			.map(catalog::procedure)
			.flatMap(Optional::stream)
			.filter(Procedure::bookable)
			.map(procedure -> procedure.id().value())
			.toList();
		assertThat(bookable).isNotEmpty();
		assertThat(choice.select("fieldset.chosen-procedures input[checked]").eachAttr("value"))
			.containsExactlyElementsOf(bookable);
	}

	@Test
	void quantitiesTravelFromStepToStep() throws Exception {
		Document location = page(get("/termin/ort").param("leistung", ID_CARD, "meldebescheinigung")
			.param("anzahl", ID_CARD + ":3", "meldebescheinigung:1", "reisepass-beantragen:2"), 200);

		assertThat(location.select(".visit-summary").text()).contains("(3 Personen)");
		assertThat(location.select("input[type=hidden][name=anzahl]").eachAttr("value"))
			.containsExactly(ID_CARD + ":3");
		assertThat(location.select("input[type=hidden][name=leistung]").eachAttr("value")).containsExactly(ID_CARD,
				"meldebescheinigung");
		assertThat(location.select("a:contains(Leistungen ändern)").attr("href"))
			.isEqualTo("/termin?leistung=" + ID_CARD + "&leistung=meldebescheinigung&anzahl=" + ID_CARD + ":3");

		Document back = page(get(location.select("a:contains(Leistungen ändern)").attr("href")), 200);
		assertThat(back.select("select#q-" + ID_CARD + " option[selected]").text()).isEqualTo("3");
	}

	@Test
	void theLocationsAreThoseThatServeTheWholeVisitOrAnywhere() throws Exception {
		Document location = page(get("/termin/ort").param("leistung", ID_CARD), 200);

		assertThat(location.select("fieldset.locations legend")).hasSize(1);
		assertThat(location.select("input[name=ort]").eachAttr("value")).contains("ueberall", OFFICE)
			.doesNotContain("standesamt");
		assertThat(location.select("#ort-" + OFFICE + "-address").text()).contains("Otto-Schill-Straße");
		assertThat(location.select("form[action=/termin/tag][method=get]")).hasSize(1);
	}

	@Test
	void theCalendarIsAnAccessibleTableWithLinksForDaysWithRoom() throws Exception {
		Document calendar = page(get("/termin/tag").param("leistung", ID_CARD).param("ort", OFFICE), 200);

		Element table = calendar.selectFirst("table.month");
		assertThat(table.select("caption").text()).contains("November 2026");
		assertThat(table.select("thead th[scope=col]")).hasSize(7);
		assertThat(table.select("thead th abbr").first().attr("title")).isEqualTo("Montag");
		Element free = table.selectFirst("td.free a");
		assertThat(free.attr("href"))
			.startsWith("/termin/zeit?leistung=" + ID_CARD + "&ort=" + OFFICE + "&tag=2026-11-");
		assertThat(free.select(".count").text()).matches("\\d+ frei");
		assertThat(free.select(".visually-hidden").text()).contains("2026");
		assertThat(table.select("td.free a[href*='tag=2026-11-25']")).as("no more bookings today").isEmpty();
		assertThat(calendar.select(".month-nav a[rel=prev]")).isEmpty();
		String next = calendar.select(".month-nav a[rel=next]").attr("href");
		assertThat(next).endsWith("monat=2026-12");

		Document december = page(get(next), 200);
		assertThat(december.select("table.month caption").text()).contains("Dezember 2026");
		assertThat(december.select(".month-nav a[rel=prev]").attr("href")).endsWith("monat=2026-11");
		assertThat(december.select("td.free a")).isNotEmpty();
		Document january = page(get(december.select(".month-nav a[rel=next]").attr("href")), 200);
		assertThat(january.select(".month-nav a[rel=next]")).as("the release window ends in January").isEmpty();
		assertThat(january.select("td.free a[href*='tag=2027-01-07']")).isEmpty();
	}

	@Test
	void anywhereShowsTheEarliestTimesPerLocation() throws Exception {
		Document calendar = page(get("/termin/tag").param("leistung", ID_CARD).param("ort", "ueberall"), 200);
		assertThat(calendar.select(".visit-summary").text()).contains("egal wo");

		Document times = page(get(calendar.select("td.free a").first().attr("href")), 200);

		assertThat(times.select("section.time-group h2").size()).isGreaterThan(1);
		assertThat(times.select("section.time-group").first().select("ul.times li").size())
			.isLessThanOrEqualTo(BookingSteps.TIMES_PER_LOCATION);
		String time = times.select("ul.times a").first().attr("href");
		assertThat(time).startsWith("/termin/daten?").contains("&ueberall=ja").contains("&zeit=");
		Document form = page(get(time), 200);
		assertThat(form.select("a:contains(Andere Uhrzeit wählen)").attr("href")).contains("ort=ueberall");
	}

	@Test
	void theLanguageSwitchKeepsTheChoices() throws Exception {
		Document calendar = page(get("/termin/tag?leistung=" + ID_CARD + "&ort=" + OFFICE), 200);

		assertThat(calendar.select("a.language-switch").attr("href"))
			.isEqualTo("/termin/tag?leistung=" + ID_CARD + "&ort=" + OFFICE + "&lang=en");
	}

	// Wrong choices

	@ParameterizedTest
	@ValueSource(strings = { "/termin?leistung=gibt-es-nicht", "/termin/ort?leistung=gibt-es-nicht",
			"/termin/tag?leistung=gibt-es-nicht&ort=" + OFFICE,
			"/termin/zeit?leistung=GROSS&ort=ueberall&tag=2026-12-01", "/termin/ort?leistung=ausweis-abholen",
			"/termin/ort", "/termin?lebenslage=gibt-es-nicht",
			"/termin/ort?leistung=" + ID_CARD + "&anzahl=" + ID_CARD + ":9" })
	void wrongProceduresShowTheChoiceAgainWithTheProblem(String path) throws Exception {
		Document page = page(get(path), 400);

		assertThat(page.select("h1").text()).contains("Was möchten Sie erledigen?");
		assertErrorSummary(page);
		assertThat(page.title()).startsWith("Fehler:");
		assertThat(page.select("form[action=/termin/ort] input[type=checkbox]")).isNotEmpty();
	}

	@Test
	void proceduresThatNoLocationServesTogetherAreExplained() throws Exception {
		Document page = page(get("/termin/ort").param("leistung", ID_CARD, "eheschliessung-anmelden"), 400);

		assertThat(page.select(".error-summary").text()).contains("nirgends gemeinsam");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gibt-es-nicht", "standesamt", "Otto Schill", "" })
	void wrongLocationsShowTheLocationsAgainWithTheProblem(String location) throws Exception {
		Document page = page(get("/termin/tag").param("leistung", ID_CARD).param("ort", location), 400);

		assertThat(page.select("h1").text()).contains("Wo möchten Sie");
		assertErrorSummary(page);
		assertThat(page.select("#ort-error").text()).isNotBlank();
		assertThat(page.select("fieldset.locations").attr("aria-describedby")).isEqualTo("ort-error");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-45", "morgen", "2026-11-01", "2027-06-01", "" })
	void wrongDaysShowTheCalendarWithTheProblem(String day) throws Exception {
		Document page = page(get("/termin/zeit").param("leistung", ID_CARD).param("ort", OFFICE).param("tag", day),
				400);

		assertThat(page.select("table.month")).hasSize(1);
		assertErrorSummary(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-1", "2028-01" })
	void wrongMonthsShowTheFirstMonthWithRoomAndSaySo(String month) throws Exception {
		Document page = page(get("/termin/tag").param("leistung", ID_CARD).param("ort", OFFICE).param("monat", month),
				400);

		assertThat(page.select("table.month caption").text()).contains("2026");
		assertErrorSummary(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { "25:00", "8.30", "" })
	void wrongTimesShowTheTimesWithTheProblem(String time) throws Exception {
		String day = firstFreeDay(ID_CARD, OFFICE).toString();

		Document page = page(get("/termin/daten").param("leistung", ID_CARD)
			.param("ort", OFFICE)
			.param("tag", day)
			.param("zeit", time), 400);

		assertThat(page.select("ul.times a")).isNotEmpty();
		assertErrorSummary(page);
	}

	@Test
	void aTimeThatIsNotFreeShowsTheTimesWithA409() throws Exception {
		String day = firstFreeDay(ID_CARD, OFFICE).toString();

		Document page = page(get("/termin/daten").param("leistung", ID_CARD)
			.param("ort", OFFICE)
			.param("tag", day)
			.param("zeit", "03:00"), 409);

		assertThat(page.select(".error-summary").text()).contains("nicht mehr frei");
		assertThat(page.select("ul.times a")).isNotEmpty();
	}

	// Booking

	@Test
	void booksWithoutJavaScriptAfterTheWait() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");
		assertThat(form.page().select("input[type=hidden][name=proofOfWork]").attr("value")).startsWith("wait:");
		assertThat(form.page().select("#proofOfWork-status[role=status]").text()).contains("8 Sekunden");
		assertThat(form.page().select("script[src=/js/challenge.js]")).hasSize(1);
		assertThat(form.page().select("input[name=_csrf]")).hasSize(1);
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));

		Document result = page(form.submit(Map.of()), 200);

		String reference = result.select("strong.reference").text();
		assertThat(reference).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(result.select("h1").text()).contains("Bitte bestätigen Sie");
		assertThat(result.select("[role=status]").text()).contains(form.email()).contains("bis");
		Element manage = result.selectFirst(".private-link a");
		assertThat(manage.attr("href")).startsWith("/termin/verwalten/" + reference + "?token=");
		assertThat(manage.text()).startsWith("http").endsWith(manage.attr("href"));
		assertThat(result.select("a[href*=kalender.ics]")).hasSize(1);
		assertThat(result.select("a.language-switch").attr("href")).startsWith(manage.attr("href"))
			.endsWith("&lang=en");

		Appointment appointment = find(manage.attr("href")).orElseThrow();
		assertThat(appointment.status()).isEqualTo(AppointmentStatus.AWAITING_CONFIRMATION);
		assertThat(appointment.location().value()).isEqualTo(OFFICE);
		assertThat(appointment.citizen().language().getLanguage()).isEqualTo("de");
	}

	@Test
	void booksInEnglishWithMailsInTheChosenLanguage() throws Exception {
		Form form = form(ID_CARD, OFFICE, "en");
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));

		Document result = page(form.submit(Map.of("sprache", "de")), 200);

		assertThat(result.select("html").attr("lang")).isEqualTo("en");
		assertThat(result.select("h1").text()).contains("please confirm");
		Appointment appointment = find(result.selectFirst(".private-link a").attr("href")).orElseThrow();
		assertThat(appointment.citizen().language().getLanguage()).isEqualTo("de");
	}

	@Test
	void booksWithTheChallengeSolvedAsTheScriptDoes() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");

		Document result = page(form.submit(Map.of("proofOfWork", solveChallenge())), 200);

		assertThat(result.select("strong.reference").text()).startsWith("T-");
	}

	@Test
	void sendingTheFormTooSoonWithoutJavaScriptAsksToWait() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");
		long before = events.stream(AppointmentBooked.class).count();

		Document again = page(form.submit(Map.of()), 400);

		assertThat(again.select("#proofOfWork-error").text()).contains("8 Sekunden");
		assertThat(again.select(".error-summary a[href=#proofOfWork]")).hasSize(1);
		assertThat(again.select("input[name=name]").attr("value")).isEqualTo(form.value("name"));
		assertThat(events.stream(AppointmentBooked.class).count()).isEqualTo(before);
	}

	@Test
	void badInputShowsTheFormAgainWithEachProblemAtItsFieldAndBooksNothing() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));

		Document again = page(form.submit(Map.of("name", " ", "email", "keine-adresse", "telefon", "0341 abc")), 400);

		assertThat(again.title()).startsWith("Fehler:");
		assertThat(again.select(".error-summary[role=alert] a").eachAttr("href")).containsExactly("#name", "#email",
				"#telefon");
		assertThat(again.select("#name").attr("aria-describedby")).isEqualTo("name-error");
		assertThat(again.select("#name").attr("aria-invalid")).isEqualTo("true");
		assertThat(again.select("#name-error").text()).contains("Name");
		assertThat(again.select("#email").attr("aria-describedby")).contains("email-error");
		assertThat(again.select("#email-error").text()).contains("E-Mail-Adresse");
		assertThat(again.select("#telefon-error").text()).contains("Telefonnummer");
		assertThat(again.select("#email").attr("value")).isEqualTo("keine-adresse");
		assertThat(again.select("input[name=proofOfWork]").attr("value")).as("the wait still counts")
			.isEqualTo(form.value("proofOfWork"));
		assertThat(events.stream(AppointmentBooked.class)).isEmpty();

		Document booked = page(form.submit(Map.of()), 200);
		assertThat(booked.select("strong.reference").text()).startsWith("T-");
	}

	@Test
	void postingWithoutTheCsrfTokenIsForbidden() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));
		assertThat(status(form.submitWithoutCsrf())).isEqualTo(403);
		assertThat(events.stream(AppointmentBooked.class)).isEmpty();

		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/termin"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("leistung=" + ID_CARD + "&name=Erika&email=erika%40example.org"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(page.body()).select("h1").text()).contains("403");
	}

	@Test
	void aTimeTakenMeanwhileShowsTheTimesAgainWithA409() throws Exception {
		Form form = form(ID_CARD, SMALL_OFFICE, "de");
		fillUp(ID_CARD, SMALL_OFFICE, form.value("tag"), form.value("zeit"));
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));

		Document times = page(form.submit(Map.of()), 409);

		assertThat(times.select(".error-summary").text()).contains("nicht mehr frei");
		assertThat(times.select("h1").text()).contains("Freie Uhrzeiten");
		assertThat(times.select("ul.times a[href*='zeit=" + form.value("zeit") + "']")).isEmpty();
	}

	@Test
	void pastTheClientsLimitAReadablePageSaysSo() throws Exception {
		Form form = form(ID_CARD, OFFICE, "de");
		RequestPostProcessor sameClient = citizen();
		int status = 0;
		for (int i = 0; i < 25 && status != 429; i++) {
			status = mvc.perform(form.submit(Map.of("proofOfWork", "wait:1:falsch")).with(sameClient))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		assertThat(status).isEqualTo(429);

		MvcResult result = mvc.perform(form.submit(Map.of()).with(sameClient)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(429);
		assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("[role=alert]").text()).contains("Zu viele Anfragen");
		assertThat(page.text()).contains("0341 123-0");
	}

	// Confirming

	@Test
	void confirmsWithTheTokenFromTheMailButNotOnAGet() throws Exception {
		Document result = book(ID_CARD, OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");
		AppointmentBooked booked = events.stream(AppointmentBooked.class)
			.reduce((first, second) -> second)
			.orElseThrow();
		String token = secrets.open(booked.confirmToken());

		Document question = page(get("/termin/bestaetigen").param("token", token), 200);
		assertThat(question.select("form[action=/termin/bestaetigen][method=post] button").text())
			.isEqualTo("Termin bestätigen");
		assertThat(find(manage).orElseThrow().status()).as("a GET changes nothing")
			.isEqualTo(AppointmentStatus.AWAITING_CONFIRMATION);

		Document confirmed = page(post("/termin/bestaetigen").with(csrf()).param("token", token), 200);

		assertThat(confirmed.select("h1").text()).isEqualTo("Ihr Termin ist bestätigt");
		assertThat(confirmed.select("strong.reference").text()).isEqualTo(result.select("strong.reference").text());
		assertThat(find(manage).orElseThrow().status()).isEqualTo(AppointmentStatus.CONFIRMED);
	}

	@Test
	void anUnknownOrMalformedConfirmationIsAReadable404() throws Exception {
		assertThat(page(get("/termin/bestaetigen").param("token", "kaputt"), 404).select("h1").text())
			.contains("kennen wir nicht");
		assertThat(page(get("/termin/bestaetigen"), 404).select("a.button[href=/termin]")).hasSize(1);
		Document unknown = page(post("/termin/bestaetigen").with(csrf()).param("token", AccessToken.random().value()),
				404);
		assertThat(unknown.select("[role=alert]").text()).isNotBlank();
		assertThat(status(post("/termin/bestaetigen").param("token", AccessToken.random().value()))).isEqualTo(403);
	}

	// Managing

	@Test
	void theManagePageShowsTheAppointmentAndItsCalendarFile() throws Exception {
		Document result = book(ID_CARD, OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");

		Document page = page(get(manage), 200);

		assertThat(page.select("h1").text()).isEqualTo("Ihr Termin");
		assertThat(page.select(".status-line").text()).isEqualTo("Noch nicht bestätigt");
		assertThat(page.select("strong.reference").text()).isEqualTo(result.select("strong.reference").text());
		assertThat(page.text()).contains("Otto-Schill-Straße").contains("Personalausweis beantragen");
		String calendar = page.select("a[href*=kalender.ics]").attr("href");
		MvcResult file = mvc.perform(get(calendar)).andReturn();
		assertThat(file.getResponse().getStatus()).isEqualTo(200);
		assertThat(file.getResponse().getContentType()).startsWith("text/calendar");
		assertThat(file.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".ics");
		assertThat(file.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("BEGIN:VCALENDAR")
			.contains(result.select("strong.reference").text());
	}

	@Test
	void aWrongTokenOrReferenceIsTheSameReadable404() throws Exception {
		Document result = book(ID_CARD, OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");
		String reference = result.select("strong.reference").text();
		String other = AccessToken.random().value();

		for (String path : List.of("/termin/verwalten/" + reference + "?token=" + other,
				"/termin/verwalten/" + reference + "?token=kurz", "/termin/verwalten/" + reference,
				"/termin/verwalten/T-0000-0000?token=" + other, "/termin/verwalten/kaputt?token=" + other,
				"/termin/verwalten/" + reference + "/kalender.ics?token=" + other,
				"/termin/verwalten/" + reference + "/absagen?token=" + other,
				"/termin/tag?verschieben=" + reference + "&token=" + other,
				"/termin/zeit?verschieben=" + reference + "&token=" + other + "&tag=2026-12-01")) {
			Document page = page(get(path), 404);
			assertThat(page.select("[role=alert]").text()).as(path).contains("Einen Termin mit dieser Buchungsnummer");
		}
		page(post("/termin/verwalten/" + reference + "/absagen").with(csrf()).param("token", other), 404);
		assertThat(find(manage).orElseThrow().status().isActive()).isTrue();
	}

	@Test
	void cancelsAfterAskingOnce() throws Exception {
		Document result = book(ID_CARD, OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");
		Document page = page(get(manage), 200);

		Document question = page(get(page.select("a:contains(Termin absagen)").attr("href")), 200);
		assertThat(question.select("h1").text()).isEqualTo("Termin wirklich absagen?");
		assertThat(find(manage).orElseThrow().status().isActive()).isTrue();
		Element form = question.selectFirst("form[method=post]");
		assertThat(status(post(form.attr("action")).param("token", form.select("input[name=token]").attr("value"))))
			.isEqualTo(403);

		Document cancelled = page(
				post(form.attr("action")).with(csrf()).param("token", form.select("input[name=token]").attr("value")),
				200);

		assertThat(cancelled.select("h1").text()).isEqualTo("Ihr Termin ist abgesagt");
		assertThat(find(manage).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
		Document after = page(get(manage), 200);
		assertThat(after.select(".status-line").text()).isEqualTo("Abgesagt");
		assertThat(after.select("a:contains(Termin absagen)")).isEmpty();
		page(get(page.select("a:contains(Termin absagen)").attr("href")), 404);
	}

	@Test
	void movesToAnotherDayAndTimeThroughTheCalendar() throws Exception {
		Document result = book(ID_CARD, OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");
		Appointment before = find(manage).orElseThrow();

		Document calendar = page(get(page(get(manage), 200).select("a:contains(Termin verschieben)").attr("href")),
				200);
		assertThat(calendar.select("h1").text()).startsWith("Termin verschieben");
		assertThat(calendar.select("nav.progress")).isEmpty();
		List<String> days = calendar.select("td.free a").eachAttr("href");
		assertThat(days).allSatisfy(link -> assertThat(link).contains("verschieben=" + before.reference().value())
			.doesNotContain("leistung="));
		Document times = page(get(days.get(days.size() - 1)), 200);
		String time = times.select("ul.times a").last().attr("href");
		assertThat(time).startsWith("/termin/verwalten/" + before.reference().value() + "/verschieben?token=");

		Document question = page(get(time), 200);
		assertThat(question.select("dt:contains(Bisher) + dd").text()).isNotBlank();
		assertThat(find(manage).orElseThrow().start()).as("a GET changes nothing").isEqualTo(before.start());
		Element form = question.selectFirst("form[method=post]");
		MockHttpServletRequestBuilder move = fill(post(form.attr("action")).with(csrf()), form, Map.of());

		Document moved = page(move, 200);

		assertThat(moved.select("h1").text()).isEqualTo("Ihr Termin ist verschoben");
		Appointment after = find(manage).orElseThrow();
		assertThat(after.start()).isAfter(before.start());
		assertThat(after.reference()).isEqualTo(before.reference());
	}

	@Test
	void movingToATimeTakenMeanwhileShowsTheTimesWithA409() throws Exception {
		Document result = book(ID_CARD, SMALL_OFFICE);
		String manage = result.selectFirst(".private-link a").attr("href");
		Appointment before = find(manage).orElseThrow();
		Document calendar = page(get(page(get(manage), 200).select("a:contains(Termin verschieben)").attr("href")),
				200);
		List<String> days = calendar.select("td.free a").eachAttr("href");
		Document times = page(get(days.get(days.size() - 1)), 200);
		Document question = page(get(times.select("ul.times a").first().attr("href")), 200);
		Element form = question.selectFirst("form[method=post]");
		fillUp(ID_CARD, SMALL_OFFICE, form.select("input[name=tag]").attr("value"),
				form.select("input[name=zeit]").attr("value"));
		MockHttpServletRequestBuilder move = fill(post(form.attr("action")).with(csrf()), form, Map.of());

		Document taken = page(move, 409);

		assertThat(taken.select(".error-summary").text()).contains("nicht mehr frei");
		assertThat(find(manage).orElseThrow().start()).isEqualTo(before.start());
	}

	// The waiting list

	@Test
	void joinsAndLeavesTheWaitingList() throws Exception {
		Document calendar = page(get("/termin/tag").param("leistung", ID_CARD).param("ort", OFFICE), 200);
		Document form = page(get(calendar.select("a:contains(Auf die Warteliste setzen)").attr("href")), 200);
		assertThat(form.select("h1").text()).isEqualTo("Auf die Warteliste");
		assertThat(form.select("input[name=orte][checked]").eachAttr("value")).containsExactly(OFFICE);
		assertThat(form.select("input[name=von]").attr("value")).isEqualTo("2026-11-25");
		Element post = form.selectFirst("form[method=post]");
		int n = CITIZENS.incrementAndGet();
		// a Sunday: nothing is free then, so the entry keeps waiting (no offer at once)
		MockHttpServletRequestBuilder join = fill(post(post.attr("action")).with(csrf()).with(citizen()), post,
				Map.of("name", "Wartende " + n, "email", "warten" + n + "@example.org", "von", "2026-11-29", "bis",
						"2026-11-29"));

		Document joined = page(join, 200);

		assertThat(joined.select("h1").text()).isEqualTo("Sie stehen auf der Warteliste");
		String leave = joined.selectFirst(".private-link a").attr("href");
		assertThat(leave).matches("/termin/warteliste/W-[0-9A-Z]{4}-[0-9A-Z]{4}\\?token=.+");
		MvcResult debug = mvc.perform(get(leave)).andReturn();
		System.out.println("DEBUG " + leave + " -> " + debug.getResponse().getStatus() + " "
				+ debug.getResponse().getContentAsString());
		Document question = page(get(leave), 200);
		Element leaveForm = question.selectFirst("form[method=post]");
		Document left = page(post(leaveForm.attr("action")).with(csrf())
			.param("token", leaveForm.select("input[name=token]").attr("value")), 200);
		assertThat(left.select("h1").text()).isEqualTo("Sie haben die Warteliste verlassen");
		page(post(leaveForm.attr("action")).with(csrf())
			.param("token", leaveForm.select("input[name=token]").attr("value")), 404);
		page(get("/termin/warteliste/W-0000-0000?token=kaputt"), 404);
	}

	@Test
	void aWrongWaitingListRequestShowsTheFormWithTheProblems() throws Exception {
		Document form = page(get("/termin/warteliste").param("leistung", ID_CARD), 200);
		Element post = form.selectFirst("form[method=post]");
		MockHttpServletRequestBuilder join = fill(post(post.attr("action")).with(csrf()).with(citizen()), post,
				Map.of("name", "", "email", "x", "von", "gestern", "orte", "gibt-es-nicht"));

		Document again = page(join, 400);

		assertThat(again.select(".error-summary a").eachAttr("href")).contains("#name", "#email", "#von");
		assertThat(again.select("#von-error").text()).contains("JJJJ-MM-TT");

		MockHttpServletRequestBuilder past = fill(post(post.attr("action")).with(csrf()).with(citizen()), post,
				Map.of("name", "Jemand", "email", "jemand" + CITIZENS.incrementAndGet() + "@example.org", "von",
						"2026-11-01"));
		assertThat(page(past, 400).select("#von-error").text()).contains("Vergangenheit");

		page(get("/termin/warteliste").param("leistung", "gibt-es-nicht"), 400);
	}

	@Test
	void aRegistryConsultationCanHaveAVideoInterpreterAndOnlyItsTimesAreOffered() throws Exception {
		String consultation = "vorgespraech-eheschliessung";
		Document location = page(get("/termin/ort").param("leistung", consultation), 200);
		Element select = location.selectFirst("form select#dolmetschen[name=dolmetschen]");
		assertThat(select).isNotNull();
		assertThat(location.selectFirst("label[for=dolmetschen]")).isNotNull();
		assertThat(select.select("option")).hasSize(66);
		assertThat(select.select("option").eachText()).contains("Kein Dolmetschen", "Arabisch", "Ukrainisch");
		assertThat(page(get("/termin/ort").param("leistung", ID_CARD), 200).select("select#dolmetschen")).isEmpty();

		// Sorani Kurdish: one interpreter, on Mondays and Wednesdays 9 to 13, Thursdays
		// 13 to 18
		Document calendar = page(get("/termin/tag").param("leistung", consultation)
			.param("ort", "standesamt")
			.param("dolmetschen", "ckb"), 200);
		List<String> days = calendar.select("td.free a").eachAttr("href");
		if (days.isEmpty()) {
			calendar = page(get(calendar.select(".month-nav a[rel=next]").attr("href")), 200);
			days = calendar.select("td.free a").eachAttr("href");
		}
		assertThat(days).isNotEmpty().allMatch(link -> link.contains("dolmetschen=ckb"));
		assertThat(days)
			.extracting(link -> LocalDate.parse(link.replaceAll(".*tag=([0-9-]{10}).*", "$1")).getDayOfWeek())
			.allMatch(day -> day == DayOfWeek.MONDAY || day == DayOfWeek.WEDNESDAY || day == DayOfWeek.THURSDAY);
		Document times = page(get(days.get(0)), 200);
		List<String> links = times.select("ul.times a").eachAttr("href");
		assertThat(links).isNotEmpty().allMatch(link -> link.contains("dolmetschen=ckb"));
		assertThat(times.select("ul.times a").eachText()).allMatch(time -> time.compareTo("09:00") >= 0);

		clock.set(moment());
		Document details = page(get(links.get(0)), 200);
		assertThat(details.select("dl.facts").text())
			.contains("Dolmetschen per Video " + Locale.of("ckb").getDisplayLanguage(Locale.GERMAN));
		Element form = details.selectFirst("form.booking-form");
		int n = CITIZENS.incrementAndGet();
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));
		Document booked = page(fill(post(form.attr("action")).with(csrf()).with(citizen()), form,
				Map.of("name", "Hêvî Ahmed " + n, "email", "hevi" + n + "@example.org", "sprache", "de")), 200);
		clock.reset();

		Appointment appointment = find(booked.selectFirst(".private-link a").attr("href")).orElseThrow();
		assertThat(appointment.interpreterLanguage()).isEqualTo("ckb");
	}

	@Test
	void aLanguageNotOfferedIsExplainedWhereItIsChosen() throws Exception {
		for (String language : List.of("xx", "zu", "<script>")) {
			Document page = page(get("/termin/tag").param("leistung", "vorgespraech-eheschliessung")
				.param("ort", "standesamt")
				.param("dolmetschen", language), 400);

			assertThat(page.select("h1").text()).isEqualTo("Wo möchten Sie Ihren Termin wahrnehmen?");
			assertErrorSummary(page);
			assertThat(page.select("#dolmetschen-error").text()).contains("keine Dolmetscherin");
		}
		// and for a procedure that takes no interpreter at all
		Document idCard = page(
				get("/termin/tag").param("leistung", ID_CARD).param("ort", OFFICE).param("dolmetschen", "ar"), 400);
		assertThat(idCard.select(".error-summary").text()).contains("keine Dolmetscherin");
	}

	// Helpers

	/** A booked appointment's result page. */
	private Document book(String procedure, String location) throws Exception {
		Form form = form(procedure, location, "de");
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));
		Document result = page(form.submit(Map.of()), 200);
		clock.reset();
		return result;
	}

	/**
	 * The form for one of the free times (another one each call) of the first day with
	 * room, reached through the pages, with name and e-mail filled in.
	 */
	private Form form(String procedure, String location, String language) throws Exception {
		// a moment of its own, so that the form's wait token is one of its own
		clock.set(moment());
		Document calendar = page(
				get("/termin/tag").param("leistung", procedure).param("ort", location).param("lang", language), 200);
		List<String> days = calendar.select("td.free a").eachAttr("href");
		if (days.isEmpty()) {
			calendar = page(get(calendar.select(".month-nav a[rel=next]").attr("href")).param("lang", language), 200);
			days = calendar.select("td.free a").eachAttr("href");
		}
		int pick = TIMES.getAndIncrement();
		Document times = page(get(days.get((pick / 20) % days.size())).param("lang", language), 200);
		List<String> links = times.select("ul.times a").eachAttr("href");
		Document page = page(get(links.get(pick % links.size())).param("lang", language), 200);
		Element form = page.selectFirst("form.booking-form");
		int n = CITIZENS.incrementAndGet();
		String email = "erika" + n + "@example.org";
		List<String[]> values = new ArrayList<>(inputs(form));
		values.add(new String[] { "name", "Erika Mustermann " + n });
		values.add(new String[] { "email", email });
		values.add(new String[] { "lang", language });
		values.removeIf(pair -> pair[0].equals("sprache"));
		values.add(new String[] { "sprache", language });
		return new Form(page, form.attr("action"), values, email, citizen());
	}

	/** The values a browser would send for a form's fields, but the CSRF token. */
	private static List<String[]> inputs(Element form) {
		List<String[]> values = new ArrayList<>();
		form.select("input[type=hidden], input[type=date], input[type=checkbox][checked], input[type=radio][checked]")
			.stream()
			.filter(input -> !input.attr("name").equals("_csrf"))
			.forEach(input -> values.add(new String[] { input.attr("name"), input.attr("value") }));
		return values;
	}

	/** A request with a form's values, some replaced or added. */
	private static MockHttpServletRequestBuilder fill(MockHttpServletRequestBuilder request, Element form,
			Map<String, String> changes) {
		inputs(form).stream()
			.filter(pair -> !changes.containsKey(pair[0]))
			.forEach(pair -> request.param(pair[0], pair[1]));
		changes.forEach(request::param);
		return request;
	}

	private LocalDate firstFreeDay(String procedure, String location) {
		LocalDate today = LocalDate.now(clock);
		return availability
			.days(new AvailabilityQuery(List.of(new VisitItem(ProcedureId.of(procedure), 1)), LocationId.of(location),
					today, today.plusDays(40), Channel.ONLINE))
			.getFirst()
			.date();
	}

	/** Books a time until it is full, through the facade, as other citizens would. */
	private void fillUp(String procedure, String location, String day, String time) {
		LocalDate date = LocalDate.parse(day);
		List<Slot> slots = availability
			.slots(new AvailabilityQuery(List.of(new VisitItem(ProcedureId.of(procedure), 1)), LocationId.of(location),
					date, date, Channel.ONLINE), 1000);
		Slot slot = slots.stream()
			.filter(found -> found.start().atZone(clock.getZone()).toLocalTime().toString().equals(time))
			.findFirst()
			.orElseThrow();
		List<String> tokens = new ArrayList<>();
		clock.set(moment());
		for (int i = 0; i < slot.free(); i++) {
			tokens.add(proofOfWork.waitToken());
			clock.advance(Duration.ofSeconds(1));
		}
		clock.advance(proofOfWork.noScriptWait().plusSeconds(1));
		for (String token : tokens) {
			int n = CITIZENS.incrementAndGet();
			appointments.book(new BookingRequest(List.of(new VisitItem(ProcedureId.of(procedure), 1)),
					LocationId.of(location), slot.start(),
					new Citizen("Schnell " + n, Email.of("schnell" + n + "@example.org"), null, Locale.GERMAN),
					Channel.ONLINE, "10.9.0." + (n % 250), token));
		}
	}

	/**
	 * A moment of its own for a form's wait token: 20 seconds apart from every other,
	 * counted from the start, whatever the clock says now.
	 */
	private static ZonedDateTime moment() {
		return MutableClock.START.plusSeconds(20L * STAMPS.incrementAndGet());
	}

	/** Solves a challenge as challenge.js does. */
	private String solveChallenge() throws Exception {
		JsonNode challenge = json
			.readTree(mvc.perform(get("/api/v1/challenges")).andReturn().getResponse().getContentAsString());
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		String salt = challenge.get("salt").asString();
		String expected = challenge.get("challenge").asString();
		for (long n = 0; n <= challenge.get("maxnumber").asLong(); n++) {
			if (HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(expected)) {
				String payload = json
					.writeValueAsString(Map.of("algorithm", challenge.get("algorithm").asString(), "challenge",
							expected, "number", n, "salt", salt, "signature", challenge.get("signature").asString()));
				return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
			}
		}
		throw new AssertionError("no solution");
	}

	private Optional<Appointment> find(String manageLink) {
		return Pages.appointment(appointments, manageLink);
	}

	/**
	 * A citizen's client address, fresh from the one sequence the other booking tests
	 * draw theirs from (the rate limit's buckets outlive a test class).
	 */
	private static RequestPostProcessor citizen() {
		String address = BookingApi.someone().client();
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		return Pages.page(mvc, request, status);
	}

	private static void assertPage(Document page, String language) {
		assertThat(page.select("html").attr("lang")).isEqualTo(language);
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.title()).isNotBlank();
		assertThat(page.select("a.language-switch").attr("hreflang")).isNotEqualTo(language);
		assertThat(page.select("nav.progress li[aria-current=step]")).hasSize(1);
		assertThat(page.text()).doesNotContain("??");
	}

	private static void assertErrorSummary(Document page) {
		Pages.assertErrorSummary(page);
	}

	/** A filled-in booking form: its values and its citizen. */
	private record Form(Document page, String action, List<String[]> values, String email,
			RequestPostProcessor client) {

		String value(String name) {
			return values.stream().filter(pair -> pair[0].equals(name)).map(pair -> pair[1]).findFirst().orElseThrow();
		}

		MockHttpServletRequestBuilder submit(Map<String, String> changes) {
			return with(post(action).with(csrf()).with(client), changes);
		}

		MockHttpServletRequestBuilder submitWithoutCsrf() {
			return with(post(action).with(client), Map.of());
		}

		private MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> changes) {
			values.stream()
				.filter(pair -> !changes.containsKey(pair[0]))
				.forEach(pair -> request.param(pair[0], pair[1]));
			changes.forEach(request::param);
			return request;
		}

	}

}
