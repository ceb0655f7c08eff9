package de.buergerservice.booking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.staff.PersonalDataHandled;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The phone agent's page as an agent uses it on a call, without JavaScript: finding the
 * procedure in the caller's words and reading out what to bring, the free times of the
 * phone quota (today's too, which online booking no longer offers), booking with and
 * without an e-mail address, every way the input can be wrong, and who may use it.
 */
@IntegrationTest
@RecordApplicationEvents
class PhonePagesIntegrationTest {

	static final String ID_CARD = "personalausweis-beantragen";

	static final String CERTIFICATE = "meldebescheinigung";

	static final String OFFICE = "buergerbuero-ratzelbogen";

	static final ZoneId ZONE = MutableClock.START.getZone();

	static final LocalDate TODAY = MutableClock.START.toLocalDate();

	static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	/** Every booking takes another of the free times. */
	private static final AtomicInteger TIMES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Availability availability;

	@Autowired
	Appointments appointments;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClockAndCheckTheLedger() {
		clock.reset();
		assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
	}

	// Finding the procedure

	@Test
	void findsTheProcedureInTheCallersWordsWithWhatToBring() throws Exception {
		Document page = page(get("/staff/telefon").param("q", "Perso").with(agent()), 200);

		assertPage(page, "de");
		assertThat(page.select("nav.progress li[aria-current=step]").text()).contains("Leistungen");
		Element hit = page.selectFirst(".hits .phone-procedure:has(input[value=" + ID_CARD + "])");
		assertThat(hit).as("the ID card among the hits").isNotNull();
		assertThat(hit.select("input[type=checkbox][name=leistung]").attr("value")).isEqualTo(ID_CARD);
		assertThat(hit.select("select[name=anzahl] option")).hasSize(procedure(ID_CARD).maxQuantity());
		assertThat(hit.select(".needs .checklist li").eachText()).containsExactlyElementsOf(
				procedure(ID_CARD).documents().stream().map(document -> document.in(Locale.GERMAN)).toList());
		assertThat(hit.select(".needs a").attr("href")).isEqualTo("/leistungen/" + ID_CARD);
		assertThat(page.select("form[action=/staff/telefon/termin][method=get]")).hasSize(1);
		assertThat(page.select("form button[formaction=/staff/telefon]").first().text()).isEqualTo("Suchen");
		assertThat(page.select("[role=status]").text()).contains("gefunden");
	}

	@Test
	void speaksEnglishToAnEnglishSpeakingAgent() throws Exception {
		Document page = page(get("/staff/telefon").param("q", "ID card").param("lang", "en").with(agent()), 200);

		assertPage(page, "en");
		assertThat(page.select("h1").text()).isEqualTo("City phone: what does the caller need?");
		assertThat(page.select(".hits .needs-title").first().text()).isEqualTo("To bring");
	}

	@Test
	void keepsTheChoiceWhileSearchingForMore() throws Exception {
		Document page = page(get("/staff/telefon").param("q", "Meldebescheinigung")
			.param("leistung", ID_CARD)
			.param("anzahl", ID_CARD + ":2")
			.with(agent()), 200);

		assertThat(page.select("fieldset.chosen-procedures input[checked]").eachAttr("value")).containsExactly(ID_CARD);
		assertThat(page.select("select#q-" + ID_CARD + " option[selected]").text()).isEqualTo("2");
		assertThat(page.select(".hits input[value=" + ID_CARD + "]")).as("chosen, not a hit again").isEmpty();
		assertThat(page.select(".hits input[value=" + CERTIFICATE + "]")).hasSize(1);
	}

	@Test
	void showsProceduresWithoutAppointmentsWithWhatToBringButNoChoice() throws Exception {
		Procedure walkIn = catalog.procedures()
			.stream()
			.filter(procedure -> !procedure.bookable() && !procedure.documents().isEmpty())
			.findFirst()
			.orElseThrow();

		Document page = page(get("/staff/telefon").param("q", walkIn.name().de()).with(agent()), 200);

		Element hit = page.selectFirst(".hits .phone-procedure:has(a[href=/leistungen/" + walkIn.id().value() + "])");
		assertThat(hit).isNotNull();
		assertThat(hit.select("input")).isEmpty();
		assertThat(hit.select(".hint").text()).contains("keine Termine");
		assertThat(hit.select(".checklist li")).hasSize(walkIn.documents().size());
	}

	@Test
	void aSearchTooLongIsExplained() throws Exception {
		Document page = page(get("/staff/telefon").param("q", "x".repeat(Catalog.MAX_QUERY_LENGTH + 1)).with(agent()),
				400);

		assertErrorSummary(page);
		assertThat(page.select("#q-error").text()).contains(String.valueOf(Catalog.MAX_QUERY_LENGTH));
		assertThat(page.select("#q").attr("aria-describedby")).contains("q-error");
	}

	// Where and when

	@Test
	void offersTheTimesOfThePhoneQuotaIncludingTodayWhichOnlineBookingNoLongerDoes() throws Exception {
		long seats = new CapacityLedger(jdbc).bookedSeats();

		Document page = page(get("/staff/telefon/termin").param("leistung", ID_CARD).param("ort", OFFICE).with(agent()),
				200);

		assertPage(page, "de");
		assertThat(page.select("select#ort option[selected]").attr("value")).isEqualTo(OFFICE);
		assertThat(page.select("select#tag option[selected]").attr("value")).isEqualTo(TODAY.toString());
		List<String> shown = page.select("#zeit ul.times a").eachText();
		List<String> phone = times(slots(ID_CARD, OFFICE, TODAY, Channel.PHONE));
		assertThat(phone).isNotEmpty();
		assertThat(shown).isEqualTo(phone.stream().map(time -> time + " Uhr").toList());
		assertThat(slots(ID_CARD, OFFICE, TODAY, Channel.ONLINE)).as("online: not today after 08:00").isEmpty();
		assertThat(page.select("#zeit ul.times a").first().attr("href"))
			.startsWith("/staff/telefon/daten?leistung=" + ID_CARD + "&ort=" + OFFICE + "&tag=" + TODAY + "&zeit=");
		assertThat(page.select(".bring .checklist li")).hasSize(procedure(ID_CARD).documents().size());
		assertThat(new CapacityLedger(jdbc).bookedSeats()).as("a GET changes nothing").isEqualTo(seats);
	}

	@Test
	void theDaysToChooseAreThoseWithRoomInThePhoneQuota() throws Exception {
		Document page = page(get("/staff/telefon/termin").param("leistung", ID_CARD).param("ort", OFFICE).with(agent()),
				200);

		List<String> days = page.select("select#tag option").eachAttr("value");
		List<String> free = availability
			.days(new AvailabilityQuery(items(ID_CARD), LocationId.of(OFFICE), TODAY, LocalDate.parse(days.getLast()),
					Channel.PHONE))
			.stream()
			.map(day -> day.date().toString())
			.toList();
		assertThat(days).isEqualTo(free);

		LocalDate later = LocalDate.parse(days.get(3));
		Document other = page(get("/staff/telefon/termin").param("leistung", ID_CARD)
			.param("ort", OFFICE)
			.param("tag", later.toString())
			.with(agent()), 200);
		assertThat(other.select("#zeit ul.times a").eachText())
			.isEqualTo(times(slots(ID_CARD, OFFICE, later, Channel.PHONE)).stream().map(t -> t + " Uhr").toList());
	}

	@Test
	void withoutALocationItSearchesAnywhereEarliestFirst() throws Exception {
		Document page = page(get("/staff/telefon/termin").param("leistung", ID_CARD).with(agent()), 200);

		assertThat(page.select("select#ort option[selected]").attr("value")).isEqualTo("ueberall");
		assertThat(page.select("#zeit section.time-group").size()).isGreaterThan(1);
		assertThat(page.select("#zeit section.time-group h3")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "gibt-es-nicht", "standesamt", "../etc" })
	void aWrongLocationShowsAnywhereWithTheProblem(String location) throws Exception {
		Document page = page(
				get("/staff/telefon/termin").param("leistung", ID_CARD).param("ort", location).with(agent()), 400);

		assertErrorSummary(page);
		assertThat(page.select("#ort-error")).hasSize(1);
		assertThat(page.select("select#ort option[selected]").attr("value")).isEqualTo("ueberall");
		assertThat(page.select("#zeit ul.times a")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "morgen", "2026-02-30", "2020-01-01", "2030-01-01" })
	void aWrongDayShowsTheFirstDayWithRoomWithTheProblem(String day) throws Exception {
		Document page = page(get("/staff/telefon/termin").param("leistung", ID_CARD)
			.param("ort", OFFICE)
			.param("tag", day)
			.with(agent()), 400);

		assertErrorSummary(page);
		assertThat(page.select("#tag-error")).hasSize(1);
		assertThat(page.select("#zeit ul.times a")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/staff/telefon/termin", "/staff/telefon/daten" })
	void anUnknownProcedureShowsTheSearchWithTheProblem(String path) throws Exception {
		Document page = page(get(path).param("leistung", "gibt-es-nicht").param("ort", OFFICE).with(agent()), 400);

		assertErrorSummary(page);
		assertThat(page.select(".error-summary").text()).contains("„gibt-es-nicht“ gibt es nicht");
		assertThat(page.select("h1").text()).isEqualTo("Bürgertelefon: Was braucht die anrufende Person?");
	}

	@Test
	void goingOnWithNothingChosenAsksForAProcedureAndKeepsTheSearch() throws Exception {
		Document page = page(get("/staff/telefon/termin").param("q", "Perso").with(agent()), 400);

		assertErrorSummary(page);
		assertThat(page.select("#q").attr("value")).isEqualTo("Perso");
		assertThat(page.select(".hits input[value=" + ID_CARD + "]")).hasSize(1);
	}

	// Booking

	@Test
	void booksACallerWithoutEMailFromThePhoneQuotaConfirmedAtOnce() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		long phoneSeats = seats("PHONE");
		long onlineSeats = seats("ONLINE");

		Document result = page(form.submit(Map.of("name", "Erika Mustermann", "telefon", "0341 1234567")), 200);

		assertThat(result.select("h1").text()).isEqualTo("Termin gebucht – bitte vorlesen");
		String reference = result.select("strong.reference").text();
		assertThat(reference).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(result.select(".message").text()).contains("keine E-Mail");
		assertThat(result.select(".facts").text()).contains(form.start().format(HH_MM));
		assertThat(result.select(".bring .checklist li")).hasSize(procedure(ID_CARD).documents().size());
		Appointment appointment = find(result.selectFirst(".private-link a").attr("href"));
		assertThat(appointment.reference().value()).isEqualTo(reference);
		assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertThat(appointment.channel()).isEqualTo(Channel.PHONE);
		assertThat(appointment.start()).isEqualTo(form.start().toInstant());
		assertThat(appointment.citizen().email()).isNull();
		assertThat(appointment.citizen().phone()).isEqualTo("0341 1234567");
		assertThat(seats("PHONE") - phoneSeats).as("counted against the phone quota").isEqualTo(units(appointment));
		assertThat(seats("ONLINE")).isEqualTo(onlineSeats);
		assertThat(events.stream(PersonalDataHandled.class))
			.anyMatch(event -> event.actor().equals("telefon") && event.action().equals("BOOKED")
					&& event.subject().equals(reference) && OFFICE.equals(event.location().value()));
	}

	@Test
	void booksACallerWithEMailAndTheConfirmationGoesOutInTheirLanguage() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		String email = "anrufer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

		Document result = page(form.submit(Map.of("name", "Jane Doe", "email", email, "sprache", "en")), 200);

		assertThat(result.select(".message").text()).contains(email);
		Appointment appointment = find(result.selectFirst(".private-link a").attr("href"));
		assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertThat(appointment.citizen().email().value()).isEqualTo(email);
		assertThat(appointment.citizen().language()).isEqualTo(Locale.ENGLISH);
		assertThat(events.stream(AppointmentBooked.class))
			.anyMatch(event -> event.appointment().reference().equals(appointment.reference())
					&& event.status() == AppointmentStatus.CONFIRMED && event.appointment().channel() == Channel.PHONE);
	}

	@Test
	void theFormAsksForTheCallerWithTheEMailOptional() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		Document page = form.page();

		assertPage(page, "de");
		assertThat(page.select("form[action=/staff/telefon][method=post] input[name=_csrf]")).hasSize(1);
		assertThat(page.select("input#name[required]")).hasSize(1);
		assertThat(page.select("input#email[required]")).isEmpty();
		assertThat(page.select("label[for=email]").text()).contains("freiwillig");
		assertThat(page.select("input#name").attr("autocomplete")).isEqualTo("off");
		assertThat(page.select("input[name=proofOfWork]")).isEmpty();
		assertThat(page.select("input[name=sprache][checked]").attr("value")).isEqualTo("de");
		assertThat(page.select(".bring .checklist li")).hasSize(procedure(ID_CARD).documents().size());
	}

	@Test
	void withoutANameTheFormComesBackWithTheProblemAndNothingIsBooked() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		long booked = new CapacityLedger(jdbc).appointments();

		Document page = page(form.submit(Map.of("name", " ", "email", "kaputt@", "telefon", "abc")), 400);

		assertErrorSummary(page);
		assertThat(page.select("#name-error").text()).contains("Name");
		assertThat(page.select("#email-error")).hasSize(1);
		assertThat(page.select("#telefon-error")).hasSize(1);
		assertThat(page.select("input#name").attr("aria-describedby")).isEqualTo("name-error");
		assertThat(page.select("input#telefon").attr("value")).isEqualTo("abc");
		assertThat(new CapacityLedger(jdbc).appointments()).isEqualTo(booked);
	}

	@Test
	void aTimeTakenMeanwhileShowsTheTimesAgainWithA409() throws Exception {
		Form form = form(CERTIFICATE, OFFICE);
		fillUp(CERTIFICATE, OFFICE, form.start().toInstant());
		long booked = new CapacityLedger(jdbc).appointments();

		Document page = page(form.submit(Map.of("name", "Max Mustermann")), 409);

		assertErrorSummary(page);
		assertThat(page.select("#zeit .field-error").text()).contains("nicht mehr frei");
		assertThat(page.select("#zeit ul.times a").eachText()).doesNotContain(form.start().format(HH_MM) + " Uhr");
		assertThat(new CapacityLedger(jdbc).appointments()).isEqualTo(booked);
		page(get(form.reached().location()).with(agent()), 409);
	}

	@Test
	void bookingAnUnknownProcedureIsA400AndBooksNothing() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		long booked = new CapacityLedger(jdbc).appointments();

		Document page = page(form.submit(Map.of("name", "Erika Mustermann", "leistung", "gibt-es-nicht")), 400);

		assertErrorSummary(page);
		assertThat(new CapacityLedger(jdbc).appointments()).isEqualTo(booked);
	}

	// Who may

	@Test
	void anonymousCallersAreSentToTheLogin() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(get("/staff/telefon"), get("/staff/telefon/termin"),
				post("/staff/telefon").with(csrf()).param("leistung", ID_CARD))) {
			MvcResult result = mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/staff/login");
		}
	}

	@Test
	void counterStaffMayNotUseThePhonePage() throws Exception {
		RequestPostProcessor counter = user("schalter").authorities(() -> "ROLE_STAFF",
				() -> "COUNTER_STAFF@buergerbuero-otto-schill-strasse");
		Form form = form(ID_CARD, OFFICE);
		long booked = new CapacityLedger(jdbc).appointments();

		assertThat(status(get("/staff/telefon").with(counter))).isEqualTo(403);
		assertThat(status(get("/staff/telefon/termin").param("leistung", ID_CARD).with(counter))).isEqualTo(403);
		assertThat(status(get(form.reached().location()).with(counter))).isEqualTo(403);
		assertThat(status(form.submitAs(counter, Map.of("name", "Erika Mustermann")))).isEqualTo(403);
		assertThat(new CapacityLedger(jdbc).appointments()).isEqualTo(booked);
	}

	@Test
	void administratorsMayUseThePhonePage() throws Exception {
		RequestPostProcessor admin = user("admin").authorities(() -> "ROLE_STAFF", () -> "ADMINISTRATOR");

		assertThat(status(get("/staff/telefon").with(admin))).isEqualTo(200);
	}

	@Test
	void postingWithoutTheCsrfTokenIsForbiddenAndBooksNothing() throws Exception {
		Form form = form(ID_CARD, OFFICE);
		long booked = new CapacityLedger(jdbc).appointments();

		assertThat(status(form.submitWithoutCsrf(Map.of("name", "Erika Mustermann")))).isEqualTo(403);
		assertThat(new CapacityLedger(jdbc).appointments()).isEqualTo(booked);
	}

	@Test
	void theStaffHomeLinksToThePhonePage() throws Exception {
		Document home = page(get("/staff").with(agent()), 200);

		assertThat(home.select("a[href=/staff/telefon]")).hasSize(1);
	}

	// Helpers

	private static RequestPostProcessor agent() {
		return user("telefon").authorities(() -> "ROLE_STAFF", () -> "PHONE_AGENT");
	}

	/**
	 * The form for one of the free phone times (another one each call) at a location,
	 * reached through the pages from the times of the first days with room.
	 */
	private Form form(String procedure, String location) throws Exception {
		Document when = page(
				get("/staff/telefon/termin").param("leistung", procedure).param("ort", location).with(agent()), 200);
		List<String> days = when.select("select#tag option").eachAttr("value");
		int pick = TIMES.getAndIncrement();
		Document times = page(get("/staff/telefon/termin").param("leistung", procedure)
			.param("ort", location)
			.param("tag", days.get(1 + (pick / 10) % (days.size() - 1)))
			.with(agent()), 200);
		List<String> links = times.select("#zeit ul.times a").eachAttr("href");
		String link = links.get((pick * 3) % links.size());
		Document page = page(get(link).with(agent()), 200);
		Element form = page.selectFirst("form.booking-form");
		List<String[]> values = new ArrayList<>();
		form.select("input[type=hidden], input[type=radio][checked]")
			.stream()
			.filter(input -> !input.attr("name").equals("_csrf"))
			.forEach(input -> values.add(new String[] { input.attr("name"), input.attr("value") }));
		String day = value(values, "tag");
		String time = value(values, "zeit");
		return new Form(new FormPage(page, link), form.attr("action"), values,
				LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(ZONE));
	}

	private static String value(List<String[]> values, String name) {
		return values.stream().filter(pair -> pair[0].equals(name)).map(pair -> pair[1]).findFirst().orElseThrow();
	}

	/** Books a phone time until it is full, through the facade, as other agents would. */
	private void fillUp(String procedure, String location, Instant start) {
		LocalDate day = start.atZone(ZONE).toLocalDate();
		Slot slot = slots(procedure, location, day, Channel.PHONE).stream()
			.filter(found -> found.start().equals(start))
			.findFirst()
			.orElseThrow();
		for (int i = 0; i < slot.free(); i++) {
			appointments.book(new BookingRequest(items(procedure), LocationId.of(location), start,
					new Citizen("Schnell " + i, null, null, Locale.GERMAN), Channel.PHONE, "test-" + UUID.randomUUID(),
					null));
		}
	}

	private List<Slot> slots(String procedure, String location, LocalDate day, Channel channel) {
		return availability.slots(new AvailabilityQuery(items(procedure), LocationId.of(location), day, day, channel),
				1000);
	}

	private static List<String> times(List<Slot> slots) {
		return slots.stream()
			.map(slot -> slot.start().atZone(ZONE).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString())
			.toList();
	}

	private static List<VisitItem> items(String procedure) {
		return List.of(new VisitItem(ProcedureId.of(procedure), 1));
	}

	private Procedure procedure(String id) {
		return catalog.procedure(ProcedureId.of(id)).orElseThrow();
	}

	private long seats(String channel) {
		return jdbc.sql("SELECT coalesce(sum(booked), 0) FROM booking.capacity WHERE channel = ?")
			.param(channel)
			.query(Long.class)
			.single();
	}

	/** How many grid units an appointment takes at its location, as seats booked. */
	private long units(Appointment appointment) {
		return jdbc.sql("SELECT units FROM booking.appointment WHERE reference = ?")
			.param(appointment.reference().value())
			.query(Long.class)
			.single();
	}

	private Appointment find(String manageLink) {
		return Pages.appointment(appointments, manageLink).orElseThrow();
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
		assertThat(page.select("nav.progress li[aria-current=step]")).hasSize(1);
		assertThat(page.text()).doesNotContain("??").doesNotContain("''");
	}

	private static void assertErrorSummary(Document page) {
		Pages.assertErrorSummary(page);
	}

	/** The caller's form and the link it was reached by. */
	private record FormPage(Document document, String location) {
	}

	/** A caller's form for a time: its hidden values and the time it books. */
	private record Form(FormPage reached, String action, List<String[]> values, ZonedDateTime start) {

		Document page() {
			return reached.document();
		}

		MockHttpServletRequestBuilder submit(Map<String, String> fields) {
			return with(post(action).with(csrf()).with(agent()), fields);
		}

		MockHttpServletRequestBuilder submitAs(RequestPostProcessor who, Map<String, String> fields) {
			return with(post(action).with(csrf()).with(who), fields);
		}

		MockHttpServletRequestBuilder submitWithoutCsrf(Map<String, String> fields) {
			return with(post(action).with(agent()), fields);
		}

		private MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> fields) {
			values.stream()
				.filter(pair -> !fields.containsKey(pair[0]))
				.forEach(pair -> request.param(pair[0], pair[1]));
			fields.forEach(request::param);
			return request;
		}

	}

}
