package de.buergerservice.frontdesk;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.frontdesk.internal.ExpectedVisits;
import de.buergerservice.frontdesk.internal.FrontDeskService;
import de.buergerservice.locations.CounterId;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A day at the counters, through the staff pages as counter staff use them: check-in by
 * booking reference, walk-in tickets, calling in queue order, recall, no-show, park, pass
 * on, finish; the display, the citizen's ticket page and the audit log.
 */
@IntegrationTest
@RecordApplicationEvents
class FrontDeskIntegrationTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocationId CENTRE = LocationId.of("buergerbuero-otto-schill-strasse");

	private static final ProcedureId ID_CARD = ProcedureId.of("personalausweis-beantragen");

	private static final ProcedureId CERTIFICATE = ProcedureId.of("meldebescheinigung");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	FrontDeskService desk;

	@Autowired
	Locations locations;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ExpectedVisits expected;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void servesBookedCitizensAtTheirTimeAndWalkInsInTheGaps() throws Exception {
		Slot slot = morningSlot(CENTRE);
		clock.set(slot.start().minus(Duration.ofMinutes(15)).atZone(BERLIN));
		String reference = bookByPhone(slot);
		RequestPostProcessor staff = counterStaff("schalter.test", CENTRE);

		MvcResult checkedIn = send(post("/staff/standort/" + CENTRE.value() + "/checkin").param("reference",
				reference.toLowerCase(Locale.ROOT).replace("-", " ")), staff);
		assertThat(String.valueOf(checkedIn.getFlashMap().get("notice"))).as(checkedIn.getFlashMap().toString())
			.contains("A-");
		assertThat(checkedIn.getFlashMap().get("problem")).isNull();
		assertThat(events.stream(CitizenCheckedIn.class))
			.anyMatch(event -> reference.equals(event.appointmentReference()));
		MvcResult again = send(post("/staff/standort/" + CENTRE.value() + "/checkin").param("reference", reference),
				staff);
		assertThat(String.valueOf(again.getFlashMap().get("problem"))).contains("schon eingecheckt");

		clock.advance(Duration.ofMinutes(1));
		MvcResult walkIn = send(
				post("/staff/standort/" + CENTRE.value() + "/wartemarke").param("procedure", CERTIFICATE.value()),
				staff);
		String walkInNumber = ticket(CENTRE, walkIn).number();
		assertThat(walkInNumber).startsWith("W-");

		String counter = CENTRE.value() + "-01";
		send(post("/staff/schalter/" + counter + "/anmelden"), staff);
		send(post("/staff/schalter/" + counter + "/aufrufen"), staff);
		assertThat(current(counter).number()).as("the booked citizen came 14 minutes early").isEqualTo(walkInNumber);
		send(post("/staff/schalter/" + counter + "/da"), staff);
		clock.advance(Duration.ofMinutes(7));
		send(post("/staff/schalter/" + counter + "/abschliessen").param("done", CERTIFICATE.value()), staff);

		assertThat(events.stream(CitizenServed.class))
			.anyMatch(event -> event.number().equals(walkInNumber) && event.procedures().equals(List.of(CERTIFICATE))
					&& event.handlingTime().equals(Duration.ofMinutes(7)));

		clock.advance(Duration.ofMinutes(3));
		send(post("/staff/schalter/" + counter + "/aufrufen"), staff);
		Ticket booked = current(counter);
		assertThat(booked.appointmentReference()).isEqualTo(reference);
		assertThat(events.stream(CitizenCalled.class)).anyMatch(event -> event.number().equals(booked.number()));

		Document display = page("/display/" + CENTRE.value(), null);
		assertThat(display.select("#calls tr").first().text()).contains(booked.number()).contains("Platz 1");

		// the audit log is written by an outbox listener after each action's commit
		RequestPostProcessor head = user("leitung.test").authorities(() -> "ROLE_STAFF",
				() -> "HEAD_OF_OFFICE@" + CENTRE.value());
		await().untilAsserted(() -> {
			Document audit = page("/staff/protokoll?standort=" + CENTRE.value() + "&vorgang=" + reference, head);
			assertThat(audit.select("tbody tr").eachText()).hasSizeGreaterThanOrEqualTo(2)
				.anyMatch(row -> row.contains("schalter.test"))
				.allMatch(row -> row.contains(reference));
		});
	}

	@Test
	void issuesWalkInTicketsOnlyForWalkInProceduresWithinTheQuotaAndBeforeTheCutOff() throws Exception {
		LocationId paunsdorf = LocationId.of("buergerbuero-paunsdorf-center");
		RequestPostProcessor staff = counterStaff("schalter.paunsdorf", paunsdorf);
		String path = "/staff/standort/" + paunsdorf.value() + "/wartemarke";

		MvcResult notForWalkIns = send(post(path).param("procedure", "auskunftssperre"), staff);
		assertThat(String.valueOf(notForWalkIns.getFlashMap().get("problem"))).contains("ohne Termin nicht möglich");
		MvcResult nothingChosen = send(post(path), staff);
		assertThat(String.valueOf(nothingChosen.getFlashMap().get("problem"))).contains("mindestens ein Anliegen");
		assertThat(desk.today(paunsdorf)).isEmpty();

		int quota = desk.walkInsLeft(paunsdorf);
		for (int i = 0; i < quota; i++) {
			assertThat(send(post(path).param("procedure", CERTIFICATE.value()), staff).getFlashMap().get("problem"))
				.isNull();
		}
		MvcResult overQuota = send(post(path).param("procedure", CERTIFICATE.value()), staff);
		assertThat(String.valueOf(overQuota.getFlashMap().get("problem"))).contains("vergeben");
		assertThat(desk.today(paunsdorf)).hasSize(quota);
		assertThat(desk.today(paunsdorf)).extracting(Ticket::number).doesNotHaveDuplicates();

		clock.set(ZonedDateTime.of(MutableClock.START.toLocalDate().plusDays(1), LocalTime.of(11, 0), BERLIN));
		MvcResult tooLate = send(post(path).param("procedure", CERTIFICATE.value()), staff);
		assertThat(String.valueOf(tooLate.getFlashMap().get("problem"))).contains("nur bis 11:00 Uhr");
		assertThat(page("/staff/standort/" + paunsdorf.value(), staff).select("form[action$=/wartemarke]")).isEmpty();
	}

	@Test
	void recallsMarksNoShowOnlyAfterTheConfiguredCallsParksResumesAndPassesOn() throws Exception {
		LocationId wiedebach = LocationId.of("buergerbuero-wiedebach-passage");
		RequestPostProcessor anna = counterStaff("anna", wiedebach);
		RequestPostProcessor ben = counterStaff("ben", wiedebach);
		String first = wiedebach.value() + "-01";
		String second = wiedebach.value() + "-02";
		List<String> numbers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			numbers.add(ticket(wiedebach, send(post("/staff/standort/" + wiedebach.value() + "/wartemarke")
				.param("procedure", CERTIFICATE.value()), anna)).number());
			clock.advance(Duration.ofMinutes(1));
		}
		send(post("/staff/schalter/" + first + "/anmelden"), anna);
		send(post("/staff/schalter/" + second + "/anmelden"), ben);
		MvcResult taken = send(post("/staff/schalter/" + second + "/anmelden"), anna);
		assertThat(String.valueOf(taken.getFlashMap().get("problem"))).contains("ben");

		send(post("/staff/schalter/" + first + "/aufrufen"), anna);
		assertThat(current(first).number()).isEqualTo(numbers.get(0));
		MvcResult tooEarly = send(post("/staff/schalter/" + first + "/nicht-erschienen"), anna);
		assertThat(String.valueOf(tooEarly.getFlashMap().get("problem"))).contains("3");
		send(post("/staff/schalter/" + first + "/erneut"), anna);
		send(post("/staff/schalter/" + first + "/erneut"), anna);
		assertThat(current(first).callCount()).isEqualTo(3);
		send(post("/staff/schalter/" + first + "/nicht-erschienen"), anna);
		assertThat(desk.current(counter(first))).isEmpty();
		assertThat(events.stream(CitizenNoShow.class)).anyMatch(event -> event.number().equals(numbers.get(0)));

		send(post("/staff/schalter/" + first + "/aufrufen"), anna);
		send(post("/staff/schalter/" + first + "/da"), anna);
		send(post("/staff/schalter/" + first + "/zurueckstellen"), anna);
		Ticket parked = desk.parked(counter(first)).getFirst();
		assertThat(parked.number()).isEqualTo(numbers.get(1));

		send(post("/staff/schalter/" + first + "/aufrufen"), anna);
		send(post("/staff/schalter/" + first + "/da"), anna);
		assertThat(current(first).number()).isEqualTo(numbers.get(2));
		send(post("/staff/schalter/" + first + "/weitergeben").param("target", second), anna);
		assertThat(desk.current(counter(first))).isEmpty();

		send(post("/staff/schalter/" + second + "/aufrufen"), ben);
		assertThat(current(second).number()).as("a ticket passed on is called before the older ones")
			.isEqualTo(numbers.get(2));

		send(post("/staff/schalter/" + first + "/fortsetzen").param("ticket", parked.id().toString()), anna);
		assertThat(current(first).number()).isEqualTo(numbers.get(1));
		assertThat(current(first).status()).isEqualTo(TicketStatus.SERVING);
	}

	@Test
	void theCitizensTicketPageShowsPositionAndEstimateToTheTokenOnly() throws Exception {
		LocationId ratzelbogen = LocationId.of("buergerbuero-ratzelbogen");
		RequestPostProcessor staff = counterStaff("schalter.ratzelbogen", ratzelbogen);
		String path = "/staff/standort/" + ratzelbogen.value() + "/wartemarke";
		send(post(path).param("procedure", CERTIFICATE.value()), staff);
		MvcResult second = send(post(path).param("procedure", CERTIFICATE.value()), staff);
		String token = String.valueOf(second.getFlashMap().get("token"));
		Ticket ticket = ticket(ratzelbogen, second);

		MockHttpServletResponse issuedPage = mvc
			.perform(get(String.valueOf(second.getResponse().getRedirectedUrl()))
				.cookie(second.getResponse().getCookie("SESSION"))
				.with(staff))
			.andReturn()
			.getResponse();
		assertThat(issuedPage.getStatus()).as(issuedPage.getRedirectedUrl() + " " + second.getFlashMap())
			.isEqualTo(200);
		Document issued = Jsoup.parse(issuedPage.getContentAsString());
		assertThat(issued.text()).contains(ticket.number()).contains("1 Person vor Ihnen");
		assertThat(issued.select("svg[role=img]")).hasSize(1);

		Document page = page("/wartemarke/" + ticket.id() + "?token=" + token, null);
		assertThat(page.select("#ticket-status").text()).contains("1 Person vor Ihnen").contains("Minuten");
		assertThat(mvc.perform(get("/wartemarke/" + ticket.id() + "?token=" + "x".repeat(43)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/wartemarke/" + UUID.randomUUID() + "?token=" + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void rejectsUnknownReferencesAndCheckInAtTheWrongLocation() throws Exception {
		RequestPostProcessor staff = counterStaff("schalter.test", CENTRE);
		MvcResult unknown = send(
				post("/staff/standort/" + CENTRE.value() + "/checkin").param("reference", "T-0000-0000"), staff);
		assertThat(String.valueOf(unknown.getFlashMap().get("problem"))).contains("T-0000-0000");
		MvcResult garbage = send(post("/staff/standort/" + CENTRE.value() + "/checkin").param("reference", "<script>"),
				staff);
		assertThat(garbage.getFlashMap().get("problem")).isNotNull();

		Slot slot = morningSlot(CENTRE);
		clock.set(slot.start().minus(Duration.ofMinutes(10)).atZone(BERLIN));
		String reference = bookByPhone(slot);
		LocationId elsewhere = LocationId.of("buergerbuero-gohlis-center");
		MvcResult wrongPlace = send(
				post("/staff/standort/" + elsewhere.value() + "/checkin").param("reference", reference),
				counterStaff("schalter.gohlis", elsewhere));
		assertThat(String.valueOf(wrongPlace.getFlashMap().get("problem"))).contains(reference);
		assertThat(desk.today(elsewhere)).noneMatch(ticket -> reference.equals(ticket.appointmentReference()));
	}

	/** A time between 8:30 and 10:55 of a coming day, offered to the phone. */
	private Slot morningSlot(LocationId location) {
		LocalDate from = MutableClock.START.toLocalDate().plusDays(1);
		return availability
			.slots(new AvailabilityQuery(List.of(new VisitItem(ID_CARD, 1)), location, from, from.plusDays(21),
					Channel.PHONE), 500)
			.stream()
			.filter(slot -> {
				LocalTime time = slot.start().atZone(BERLIN).toLocalTime();
				return time.isAfter(LocalTime.of(8, 30)) && time.isBefore(LocalTime.of(10, 55));
			})
			.findFirst()
			.orElseThrow();
	}

	@Test
	void counterStaffOfOneLocationGetTheReadable403AtAnother() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/staff/standort/buergerbuero-paunsdorf-center").with(counterStaff("schalter.fremd", CENTRE)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(Jsoup.parse(response.getContentAsString()).select("h1").text()).contains("403");
	}

	/**
	 * Books by phone (confirmed at once) and waits until the front desk expects the visit
	 * (it learns of bookings from their events, after the booking's commit).
	 */
	private String bookByPhone(Slot slot) {
		String reference = appointments
			.book(new BookingRequest(List.of(new VisitItem(ID_CARD, 1)), slot.location(), slot.start(),
					new Citizen("Erika Mustermann",
							Email.of("frontdesk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"),
							null, Locale.GERMAN),
					Channel.PHONE, "test-" + UUID.randomUUID(), null))
			.appointment()
			.reference()
			.value();
		LocalDate day = slot.start().atZone(BERLIN).toLocalDate();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> expected
				.between(slot.location(), day.atStartOfDay(BERLIN).toInstant(),
						day.plusDays(1).atStartOfDay(BERLIN).toInstant())
				.stream()
				.anyMatch(visit -> visit.reference().equals(reference)));
		return reference;
	}

	private static RequestPostProcessor counterStaff(String username, LocationId location) {
		return user(username).authorities(() -> "ROLE_STAFF", () -> "COUNTER_STAFF@" + location.value());
	}

	private MvcResult send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor staff) throws Exception {
		MvcResult result = mvc.perform(request.with(staff).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getRequest().getRequestURI())
			.startsWith("/staff/s");
		return result;
	}

	private Document page(String path, RequestPostProcessor staff) throws Exception {
		var request = get(path);
		MockHttpServletResponse response = mvc.perform(staff == null ? request : request.with(staff))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	/** The ticket a walk-in request issued: its id ends the redirect. */
	private Ticket ticket(LocationId location, MvcResult issued) {
		String redirect = String.valueOf(issued.getResponse().getRedirectedUrl());
		assertThat(issued.getFlashMap().get("problem")).as(redirect).isNull();
		UUID id = UUID.fromString(redirect.substring(redirect.lastIndexOf('/') + 1));
		return desk.today(location).stream().filter(ticket -> ticket.id().equals(id)).findFirst().orElseThrow();
	}

	private Ticket current(String counter) {
		return desk.current(counter(counter)).orElseThrow(() -> new AssertionError(counter + " serves nobody"));
	}

	private de.buergerservice.locations.Counter counter(String id) {
		return locations.all()
			.stream()
			.flatMap(location -> locations.counters(location.id()).stream())
			.filter(counter -> counter.id().equals(new CounterId(id)))
			.findFirst()
			.orElseThrow();
	}

}
