package de.buergerservice.events.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import de.buergerservice.events.EventId;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.TestEvents;
import de.buergerservice.events.internal.EventStore;
import de.buergerservice.shared.SecretBox;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The citizens' pages without JavaScript (plain forms) and the organisers' view: list,
 * event, registering with every error path, confirming, cancelling; staff access, the
 * table of registrations, the CSV export and the audit log.
 */
@IntegrationTest
@RecordApplicationEvents
class EventPagesIntegrationTest {

	private static final String CENTRE = "buergerbuero-otto-schill-strasse";

	@Autowired
	MockMvc mvc;

	@Autowired
	EventStore store;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox secrets;

	@Autowired
	ApplicationEvents published;

	@Autowired
	MutableClock clock;

	TestEvents testEvents;

	@BeforeEach
	void setUp() {
		testEvents = new TestEvents(store, transaction);
	}

	@Test
	void listsTheEventsAndShowsOneWithItsForm() throws Exception {
		Document list = page("/veranstaltungen", 200);
		assertThat(list.select("h1").text()).isEqualTo("Veranstaltungen, Kurse und Sprechstunden");
		assertThat(list.select("ul.event-list h2 a").eachText()).contains(
				"Digitaler Bürgerdialog: Meine Stadt, ein Service", "VHS-Kurs: Die Online-Ausweisfunktion im Alltag",
				"Sprechstunde zum Online-Ausweis (eID)");
		assertThat(list.select(".main-nav a[href=/veranstaltungen]").text()).isEqualTo("Veranstaltungen");

		Document dialogue = page("/veranstaltungen/buergerdialog-2027-01", 200);
		assertThat(dialogue.select("dl.facts").text()).contains("Montag, 11. Januar 2027, 18:00 bis 20:00 Uhr")
			.contains("Noch 100 Plätze frei");
		assertThat(dialogue.select("form input#name")).hasSize(1);
		assertThat(dialogue.select("form input[type=radio]")).as("one session: nothing to choose").isEmpty();

		Document consultation = page("/veranstaltungen/eid-sprechstunde-dezember?lang=en", 200);
		assertThat(consultation.select("fieldset#termin input[type=radio]")).hasSize(18);
		assertThat(consultation.select("label[for=termin-1]").text()).contains("14:00 to 14:20")
			.contains("1 seat left");

		page("/veranstaltungen/gibt-es-nicht", 404);
	}

	@Test
	void registersConfirmsAndCancelsWithoutJavaScript() throws Exception {
		EventId event = testEvents.onSite(10, 1, 1, null);
		String email = TestEvents.email().value();

		Document registered = form(event, "Erika Mustermann", email, null, 200);

		assertThat(registered.select("h1").text()).isEqualTo("Bitte bestätigen Sie Ihre Anmeldung");
		assertThat(registered.select(".status-line").text()).contains(email).contains("09:30 Uhr");
		String reference = registered.select("strong.reference").text();
		assertThat(reference).matches("V-[0-9A-Z]{4}-[0-9A-Z]{4}");
		String manageLink = registered.select(".private-link a").attr("href");

		String token = confirmToken(reference);
		Document question = page("/veranstaltungen/bestaetigen?token=" + token, 200);
		assertThat(question.select("form[method=post] button").text()).isEqualTo("Anmeldung bestätigen");
		Document confirmed = parse(mvc.perform(post("/veranstaltungen/bestaetigen").param("token", token).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(confirmed.select("h1").text()).isEqualTo("Ihre Anmeldung ist bestätigt");
		assertThat(confirmed.select("dl.facts").text()).contains("Bestätigt");

		Document manage = page(manageLink, 200);
		assertThat(manage.select("dl.facts").text()).contains(reference).contains("Erika Mustermann");
		String cancelAction = manage.select("form[method=post]").attr("action");
		Document cancelled = parse(
				mvc.perform(post(cancelAction).param("token", manage.select("input[name=token]").val()).with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse());
		assertThat(cancelled.select("h1").text()).isEqualTo("Ihre Anmeldung ist abgesagt");
		assertThat(page(manageLink, 200).select("form[method=post]")).as("nothing left to cancel").isEmpty();
	}

	@Test
	void aWrongOrExpiredLinkIsAReadablePageAndChangesNothing() throws Exception {
		assertThat(page("/veranstaltungen/bestaetigen?token=kaputt", 404).select("h1").text())
			.isEqualTo("Diese Bestätigung ist unbekannt oder abgelaufen");
		mvc.perform(post("/veranstaltungen/bestaetigen").param("token", "A".repeat(43)).with(csrf()))
			.andExpect(status().isNotFound());
		page("/veranstaltungen/anmeldung/V-0000-0000?token=" + "A".repeat(43), 404);
		page("/veranstaltungen/anmeldung/kaputt", 404);
		mvc.perform(post("/veranstaltungen/anmeldung/V-0000-0000/absagen").param("token", "A".repeat(43)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void showsTheProblemsOnTheFormAndKeepsWhatWasEntered() throws Exception {
		EventId event = testEvents.consultation(10, 2, 1, 0);

		Document errors = form(event, "x".repeat(101), "keine-adresse", null, 400);

		assertThat(errors.select("title").text()).startsWith("Fehler:");
		assertThat(errors.select(".error-summary a").eachAttr("href")).containsExactly("#termin", "#name", "#email");
		assertThat(errors.select("#email").val()).isEqualTo("keine-adresse");
		assertThat(errors.select("#name").attr("aria-invalid")).isEqualTo("true");
		assertThat(form(event, "Erika", TestEvents.email().value(), "zwei", 400).select(".error-summary").text())
			.contains("Die Zeit „zwei“ gibt es bei dieser Veranstaltung nicht.");
		assertThat(count(event)).isZero();

		form(event, "Erika", TestEvents.email().value(), "2", 200);
		Document full = form(event, "Max", TestEvents.email().value(), "2", 409);
		assertThat(full.select(".error-summary").text()).contains("Alle Plätze sind vergeben");
		assertThat(full.select("#termin-2").hasAttr("disabled")).isTrue();
		assertThat(count(event)).isOne();
	}

	@Test
	void refusesASecondRegistrationALateOneAndOneWithoutCsrfReadablyAndChangesNothing() throws Exception {
		EventId event = testEvents.online(10, 5, 0);
		String email = TestEvents.email().value();
		form(event, "Erika", email, null, 200);

		Document twice = form(event, "Erika", email.toUpperCase(), null, 409);
		assertThat(twice.select(".error-summary").text())
			.contains("Mit dieser E-Mail-Adresse sind Sie schon angemeldet");
		mvc.perform(post("/veranstaltungen/" + event).param("name", "Max").param("email", TestEvents.email().value()))
			.andExpect(status().isForbidden());
		assertThat(count(event)).isOne();

		EventId soon = testEvents.online(1, 5, 5);
		clock.advance(Duration.ofDays(1));
		try {
			assertThat(page("/veranstaltungen/" + soon, 200).select(".message.empty").text())
				.isEqualTo("Anmeldung geschlossen");
			assertThat(form(soon, "Erika", TestEvents.email().value(), null, 409).select(".error-summary").text())
				.contains("Die Anmeldung ist geschlossen");
			assertThat(count(soon)).isZero();
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void joinsTheWaitingListFromThePage() throws Exception {
		EventId event = testEvents.onSite(10, 1, 5, null);
		form(event, "Erika", TestEvents.email().value(), null, 200);

		Document waiting = form(event, "Max", TestEvents.email().value(), null, 200);

		assertThat(waiting.select("h1").text()).isEqualTo("Sie stehen auf der Warteliste");
		assertThat(waiting.select(".status-line").text()).contains("Platz 1 der Warteliste");
	}

	@Test
	void staffPagesNeedALoginAndTheRightRole() throws Exception {
		EventId centre = testEvents.consultation(10, 2, 1, 0);
		for (String path : List.of("/staff/veranstaltungen", "/staff/veranstaltungen/" + centre,
				"/staff/veranstaltungen/" + centre + "/anmeldungen.csv")) {
			mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/staff/login"));
			mvc.perform(get(path).with(staff("schalter.zentrum", "COUNTER_STAFF@" + CENTRE)))
				.andExpect(status().isForbidden());
			mvc.perform(get(path).with(staff("leitung.paunsdorf", "HEAD_OF_OFFICE@buergerbuero-paunsdorf-center")))
				.andExpect(status().isForbidden());
			mvc.perform(get(path).with(staff("leitung.zentrum", "HEAD_OF_OFFICE@" + CENTRE)))
				.andExpect(status().isOk());
			mvc.perform(get(path).with(admin())).andExpect(status().isOk());
		}
		EventId elsewhere = testEvents.onSite(10, 5, 0, null);
		mvc.perform(
				get("/staff/veranstaltungen/" + elsewhere).with(staff("leitung.zentrum", "HEAD_OF_OFFICE@" + CENTRE)))
			.andExpect(status().isForbidden());
		mvc.perform(
				get("/staff/veranstaltungen/gibt-es-nicht").with(staff("leitung.zentrum", "HEAD_OF_OFFICE@" + CENTRE)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/veranstaltungen/gibt-es-nicht").with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void theOrganiserSeesAndExportsTheRegistrationsAndTheAuditLogSaysSo() throws Exception {
		EventId event = testEvents.onSite(10, 1, 2, null);
		String first = TestEvents.email().value();
		form(event, "Erika Mustermann", first, null, 200);
		form(event, "=HYPERLINK(\"http://evil.example\")", TestEvents.email().value(), null, 200);

		Document table = parse(mvc.perform(get("/staff/veranstaltungen/" + event).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(table.select("table.registrations tbody tr")).hasSize(2);
		assertThat(table.select("table.registrations tbody tr").get(0).text()).contains("Erika Mustermann")
			.contains(first)
			.contains("Platz reserviert");

		MockHttpServletResponse csv = mvc
			.perform(get("/staff/veranstaltungen/" + event + "/anmeldungen.csv").with(admin()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"anmeldungen-" + event + ".csv\""))
			.andReturn()
			.getResponse();
		assertThat(csv.getContentType()).startsWith("text/csv");
		String text = csv.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.Builder.create(CSVFormat.EXCEL)
			.setDelimiter(';')
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("Name")).isEqualTo("Erika Mustermann");
		assertThat(records.get(0).get("E-Mail-Adresse")).isEqualTo(first);
		assertThat(records.get(0).get("Stand")).isEqualTo("Platz reserviert, Bestätigung ausstehend");
		assertThat(records.get(0).get("Anmeldenummer")).matches("V-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(records.get(1).get("Name")).as("no formula for the spreadsheet")
			.isEqualTo("'=HYPERLINK(\"http://evil.example\")");
		assertThat(records.get(1).get("Stand")).isEqualTo("Warteliste");

		// written by an outbox listener each, asynchronously: in either order
		await().untilAsserted(() -> assertThat(
				jdbc.sql("SELECT action FROM staff.audit_entry WHERE subject = ? AND actor = 'admin.test'")
					.param(event.value())
					.query(String.class)
					.list())
			.containsExactlyInAnyOrder("EVENT_REGISTRATIONS_VIEWED", "EVENT_REGISTRATIONS_EXPORTED"));
	}

	private Document form(EventId event, String name, String email, String termin, int status) throws Exception {
		var request = post("/veranstaltungen/" + event).param("name", name).param("email", email).with(csrf());
		if (termin != null) {
			request.param("termin", termin);
		}
		return parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse());
	}

	private Document page(String path, int status) throws Exception {
		return parse(mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse());
	}

	private static Document parse(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private String confirmToken(String reference) {
		return published.stream(EventRegistrationReceived.class)
			.filter(received -> received.registration().reference().value().equals(reference))
			.map(received -> secrets.open(received.confirmToken()))
			.findFirst()
			.orElseThrow();
	}

	private int count(EventId event) {
		return jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ?")
			.param(event.value())
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor admin() {
		return staff("admin.test", "ADMINISTRATOR");
	}

	private static RequestPostProcessor staff(String name, String grant) {
		return user(name).authorities(() -> "ROLE_STAFF", () -> grant);
	}

}
