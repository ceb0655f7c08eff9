package de.buergerservice.events.web;

import java.time.Duration;
import java.util.UUID;

import de.buergerservice.events.EventId;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.TestEvents;
import de.buergerservice.events.internal.EventStore;
import de.buergerservice.shared.SecretBox;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/events} and {@code /api/v1/event-registrations} as a partner system uses
 * them: the list in the request's language, registering (seat or waiting list), 409 when
 * neither is possible, 400 problem documents for bad input that change nothing,
 * confirming, viewing and cancelling with the private token.
 */
@IntegrationTest
@RecordApplicationEvents
class EventsApiIntegrationTest {

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
	MutableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEvents published;

	TestEvents testEvents;

	@BeforeEach
	void setUp() {
		testEvents = new TestEvents(store, transaction);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void listsTheDemoEventsInTheRequestsLanguage() throws Exception {
		mvc.perform(get("/api/v1/events"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'buergerdialog-2027-01')].title")
				.value(hasItem("Digitaler Bürgerdialog: Meine Stadt, ein Service")))
			.andExpect(jsonPath("$[?(@.id == 'buergerdialog-2027-01')].kind").value(hasItem("DIALOGUE")))
			.andExpect(jsonPath("$[?(@.id == 'buergerdialog-2027-01')].online").value(hasItem(true)))
			.andExpect(
					jsonPath("$[?(@.id == 'buergerdialog-2027-01')].start").value(hasItem("2027-01-11T18:00:00+01:00")))
			.andExpect(
					jsonPath("$[?(@.id == 'buergerdialog-2027-01')].end").value(hasItem("2027-01-11T20:00:00+01:00")))
			.andExpect(jsonPath("$[?(@.id == 'vhs-kurs-online-ausweis')].kind").value(hasItem("COURSE")))
			.andExpect(jsonPath("$[?(@.id == 'eid-sprechstunde-dezember')].kind").value(hasItem("CONSULTATION")))
			.andExpect(jsonPath("$[?(@.id == 'eid-sprechstunde-dezember')].online").value(hasItem(false)));
		mvc.perform(get("/api/v1/events").header("Accept-Language", "en"))
			.andExpect(jsonPath("$[?(@.id == 'buergerdialog-2027-01')].title")
				.value(hasItem("Digital citizens' dialogue: My city, one service")));
		mvc.perform(get("/api/v1/events/eid-sprechstunde-dezember"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions.length()").value(18))
			.andExpect(jsonPath("$.sessions[0].start").value("2026-12-03T14:00:00+01:00"))
			.andExpect(jsonPath("$.sessions[0].end").value("2026-12-03T14:20:00+01:00"));
	}

	@Test
	void registersWithASeatHeldThenOnTheWaitingListThenRefuses() throws Exception {
		EventId event = testEvents.online(10, 1, 1);

		register(event, "{\"name\": \"Erika Mustermann\", \"email\": \"%s\"}".formatted(TestEvents.email()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/event-registrations/V-")))
			.andExpect(jsonPath("$.status").value("AWAITING_CONFIRMATION"))
			.andExpect(jsonPath("$.event").value(event.value()))
			.andExpect(jsonPath("$.session").value(1))
			.andExpect(jsonPath("$.holdExpiresAt").value("2026-11-25T09:30:00+01:00"))
			.andExpect(jsonPath("$.manageToken").isString());
		register(event, "{\"name\": \"Max Muster\", \"email\": \"%s\"}".formatted(TestEvents.email()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("WAITING_LIST"))
			.andExpect(jsonPath("$.waitingPosition").value(1));
		register(event, "{\"name\": \"Zu Spät\", \"email\": \"%s\"}".formatted(TestEvents.email()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").isString());
		assertThat(count(event)).isEqualTo(2);

		mvc.perform(get("/api/v1/events"))
			.andExpect(jsonPath("$[?(@.id == '%s')].seatsFree".formatted(event)).value(hasItem(0)));
	}

	@Test
	void badInputIsA400ProblemAndChangesNothing() throws Exception {
		EventId event = testEvents.consultation(10, 2, 1, 0);
		String longName = "x".repeat(101);

		register(event, "{\"name\": \"%s\", \"email\": \"keine-adresse\", \"session\": 1}".formatted(longName))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
				.value(hasItem("Der Name darf höchstens 100 Zeichen lang sein.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").isNotEmpty());
		register(event, "{\"name\": \"Erika\", \"email\": \"%s\"}".formatted(TestEvents.email()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("session"));
		register(event, "{\"name\": \"Erika\", \"email\": \"%s\", \"session\": 9}".formatted(TestEvents.email()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("session"));
		register(event, "{\"name\": \"Erika\", \"email\": \"%s\", \"session\": \"eins\"}".formatted(TestEvents.email()))
			.andExpect(status().isBadRequest());
		register(event,
				"{\"name\": \"Erika\", \"email\": \"%s\", \"language\": \"fr\", \"session\": 1}"
					.formatted(TestEvents.email()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("language"));
		register(event, "kein JSON").andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/events/gibt-es-nicht/registrations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Erika\", \"email\": \"erika@example.org\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/events/GIBT_ES_NICHT")).andExpect(status().isNotFound());
		assertThat(count(event)).isZero();
		assertThat(store.find(event).orElseThrow().sessions()).allMatch(session -> session.taken() == 0);
	}

	@Test
	void theSameAddressTwiceIsAConflict() throws Exception {
		EventId event = testEvents.online(10, 5, 0);
		String email = TestEvents.email().value();
		register(event, "{\"name\": \"Erika\", \"email\": \"%s\"}".formatted(email)).andExpect(status().isCreated());

		register(event, "{\"name\": \"Erika\", \"email\": \"%s\"}".formatted(email.toUpperCase()))
			.andExpect(status().isConflict());

		assertThat(count(event)).isOne();
	}

	@Test
	void registrationClosesWhenTheSessionBegins() throws Exception {
		EventId event = testEvents.online(1, 5, 5);
		clock.advance(Duration.ofDays(1));

		register(event, "{\"name\": \"Erika\", \"email\": \"%s\"}".formatted(TestEvents.email()))
			.andExpect(status().isConflict());
	}

	@Test
	void confirmsViewsAndCancelsWithTheTokens() throws Exception {
		EventId event = testEvents.online(10, 1, 1);
		String jane = TestEvents.email().value();
		JsonNode first = json.readTree(
				register(event, "{\"name\": \"Jane Doe\", \"email\": \"%s\", \"language\": \"en\"}".formatted(jane))
					.andReturn()
					.getResponse()
					.getContentAsString());
		String reference = first.get("reference").asString();
		String manage = first.get("manageToken").asString();
		JsonNode second = json.readTree(
				register(event, "{\"name\": \"Max\", \"email\": \"%s\"}".formatted(TestEvents.email())).andReturn()
					.getResponse()
					.getContentAsString());
		String confirmToken = published.stream(EventRegistrationReceived.class)
			.filter(received -> received.registration().reference().value().equals(reference))
			.map(received -> secrets.open(received.confirmToken()))
			.findFirst()
			.orElseThrow();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT text_body FROM notifications.dev_mail WHERE recipient LIKE ? AND subject = ?")
						.params("%<" + jane + ">", "Please confirm your registration " + reference)
						.query(String.class)
						.list())
				.as("the mail in the language asked for, with the link to confirm")
				.singleElement(STRING)
				.contains("/veranstaltungen/bestaetigen?token=" + confirmToken));

		mvc.perform(post("/api/v1/event-registrations/confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"%s\"}".formatted(confirmToken)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.language").value("en"));
		mvc.perform(post("/api/v1/event-registrations/confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"%s\"}".formatted("A".repeat(43)))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/event-registrations/confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"kaputt\"}")).andExpect(status().isNotFound());

		mvc.perform(get("/api/v1/event-registrations/" + reference).header("Authorization", "Bearer " + manage))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Jane Doe"));
		String wrong = "Bearer " + UUID.randomUUID().toString().replace("-", "") + "ABCDEFGHIJK";
		mvc.perform(get("/api/v1/event-registrations/" + reference).header("Authorization", wrong))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/event-registrations/" + reference)).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/event-registrations/" + reference).header("Authorization", wrong))
			.andExpect(status().isNotFound());

		mvc.perform(delete("/api/v1/event-registrations/" + reference).header("Authorization", "Bearer " + manage))
			.andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/event-registrations/" + reference).header("Authorization", "Bearer " + manage))
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		mvc.perform(get("/api/v1/event-registrations/" + second.get("reference").asString()).header("Authorization",
				"Bearer " + second.get("manageToken").asString()))
			.andExpect(jsonPath("$.status").value("AWAITING_CONFIRMATION"));
	}

	@Test
	void theApiIsDescribed() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/events'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/events/{id}/registrations'].post.responses['409']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/event-registrations/{reference}'].delete").exists());
	}

	private ResultActions register(EventId event, String body) throws Exception {
		return mvc.perform(post("/api/v1/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private int count(EventId event) {
		return jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ?")
			.param(event.value())
			.query(Integer.class)
			.single();
	}

}
