package de.buergerservice.notifications;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.Interpreting;
import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.booking.internal.BookingJobs;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.notifications.internal.OutboxRetry;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The citizen's mails of online booking, sent by SMTP to a GreenMail server: booked
 * through the real booking module, read as the citizen's mail program would. Proof of
 * work is off here (it is not what these tests are about); the retry job runs only when a
 * test calls it.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "buergerservice.booking.challenge.enabled=false", "buergerservice.mail.retry.interval=1h" })
class NotificationsIntegrationTest {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	static final LocationId LOCATION = LocationId.of("buergerbuero-otto-schill-strasse");

	static final List<VisitItem> ITEMS = List.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1));

	static final LocalDate TODAY = MutableClock.START.toLocalDate();

	static final int PORT = freePort();

	static GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	WaitingList waitingList;

	@Autowired
	BookingJobs bookingJobs;

	@Autowired
	OutboxRetry retry;

	@Autowired
	Catalog catalog;

	@Autowired
	Locations locations;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Interpreting interpreting;

	@AfterEach
	void resetClockAndServer() {
		clock.reset();
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void asksToConfirmInGermanWithALinkThatConfirms() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.ONLINE, TODAY.plusDays(2));
		String reference = booked.appointment().reference().value();

		MimeMessage mail = mailsTo(email, 1).get(0);

		assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen Sie Ihren Termin " + reference);
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("termine@leipzig.example");
		assertThat(from.getPersonal()).isEqualTo("Bürgerservice Leipzig");
		assertThat(Mails.hasAlternatives(mail)).isTrue();
		String text = Mails.text(mail);
		assertThat(text).contains("Guten Tag Erika Mustermann,")
			.contains(reference)
			.contains("bis Mittwoch, 25. November 2026, 09:30 Uhr")
			.contains("http://localhost:8080/termin/bestaetigen?token=")
			.contains("http://localhost:8080/termin/verwalten/" + reference + "?token=");
		Document html = Jsoup.parse(Mails.html(mail));
		assertThat(html.select("html").attr("lang")).isEqualTo("de");
		assertThat(html.select("a[href^=http://localhost:8080/termin/bestaetigen?token=]").text())
			.isEqualTo("Termin bestätigen");
		assertThat(Mails.attachments(mail)).isEmpty();

		String token = Mails.token(text, "/termin/bestaetigen");
		assertThat(appointments.confirm(new AccessToken(token))).map(Appointment::status)
			.contains(AppointmentStatus.CONFIRMED);
	}

	@Test
	void writesInEnglishToACitizenWhoBookedInEnglish() throws Exception {
		String email = address();
		Slot slot = slot(TODAY.plusDays(2), Channel.ONLINE);
		String body = """
				{"procedures": ["personalausweis-beantragen"], "location": "%s", "start": "%s",
				 "citizen": {"name": "Jane Doe", "email": "%s"}, "language": "en"}""".formatted(LOCATION.value(),
				slot.start().atZone(ZONE).toOffsetDateTime(), email);
		String answer = mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reference = find(answer, "\"reference\":\"(T-[0-9A-Z-]{9})\"");

		MimeMessage mail = mailsTo(email, 1).get(0);

		assertThat(mail.getSubject()).isEqualTo("Please confirm your appointment " + reference);
		String text = Mails.text(mail);
		assertThat(text).contains("Hello Jane Doe,")
			.contains("Please confirm by Wednesday, 25 November 2026 at 09:30.")
			.contains("Booking reference: " + reference)
			.contains(english(ITEMS.get(0)));
		Document html = Jsoup.parse(Mails.html(mail));
		assertThat(html.select("html").attr("lang")).isEqualTo("en");
		assertThat(html.select("a[href^=http://localhost:8080/termin/bestaetigen?token=]").text())
			.isEqualTo("Confirm appointment");
	}

	@Test
	void confirmedMailHasEverythingForTheVisitAndACalendarFile() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.ONLINE, TODAY.plusDays(3));
		Appointment appointment = booked.appointment();
		String reference = appointment.reference().value();
		String confirmToken = Mails.token(Mails.text(mailsTo(email, 1).get(0)), "/termin/bestaetigen");
		assertThat(appointments.confirm(new AccessToken(confirmToken))).isPresent();

		MimeMessage mail = withSubject(mailsTo(email, 2), "Ihr Termin " + reference + " ist gebucht");

		String text = Mails.text(mail);
		Location location = locations.find(LOCATION).orElseThrow();
		assertThat(text).contains("Buchungsnummer: " + reference)
			.contains(DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN)
				.format(appointment.start().atZone(ZONE)))
			.contains(location.name().de())
			.contains(location.address().line())
			.contains(german(ITEMS.get(0)))
			.contains("Bitte mitbringen:");
		for (LocalizedText document : catalog.procedure(ITEMS.get(0).procedure()).orElseThrow().documents()) {
			assertThat(text).contains("- " + document.de());
		}
		String manageToken = Mails.token(text, "/termin/verwalten/" + reference);
		assertThat(appointments.find(appointment.reference(), new AccessToken(manageToken))).isPresent();
		Document html = Jsoup.parse(Mails.html(mail));
		assertThat(html.select("dd strong").text()).isEqualTo(reference);
		assertThat(html.select("a[href^=http://localhost:8080/termin/verwalten/" + reference + "?token=]")).hasSize(1);

		assertThat(html.select("img[src=cid:check-in-qr]").attr("alt")).contains(reference);
		byte[] qr = Mails.inline(mail, "check-in-qr").orElseThrow(() -> new AssertionError("no QR code"));
		assertThat(decodeQr(qr)).as("what the counter's scanner reads").isEqualTo(reference);
		assertThat(text).contains("Buchungsnummer " + reference + ". In der HTML-Ansicht");

		List<Mails.Attachment> attachments = Mails.attachments(mail);
		assertThat(attachments).hasSize(1);
		assertThat(attachments.get(0).filename()).isEqualTo("termin-" + reference + ".ics");
		assertThat(attachments.get(0).contentType()).startsWith("text/calendar");
		VEvent event = calendarEvent(attachments.get(0).content());
		assertThat(event.<Property>getProperty(Property.UID).orElseThrow().getValue()).contains(reference);
		assertThat(event.<Property>getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains(reference);
		assertThat(event.<Property>getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
				.withZone(ZoneOffset.UTC)
				.format(appointment.start()));
	}

	@Test
	void phoneBookingIsConfirmedAtOnceAndSaysSo() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.PHONE, TODAY.plusDays(2));
		String reference = booked.appointment().reference().value();

		MimeMessage mail = mailsTo(email, 1).get(0);

		assertThat(mail.getSubject()).isEqualTo("Ihr Termin " + reference + " ist gebucht");
		assertThat(Mails.attachments(mail)).extracting(Mails.Attachment::filename)
			.containsExactly("termin-" + reference + ".ics");
	}

	@Test
	void aCallerWithoutAnEMailAddressGetsNoMailAndTheEventsAreDone() throws Exception {
		Slot slot = slot(TODAY.plusDays(2), Channel.PHONE);
		Booked booked = appointments.book(new BookingRequest(ITEMS, LOCATION, slot.start(),
				new Citizen("Erika Mustermann", null, null, Locale.GERMAN), Channel.PHONE, client(), null));
		String reference = booked.appointment().reference().value();

		assertThat(appointments.cancel(booked.appointment().reference(), booked.manageToken())).isTrue();

		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(publicationStatus(reference)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL")
				.param("%" + reference + "%")
				.query(Integer.class)
				.single() == 0);
		assertThat(sentMails(reference)).isZero();
	}

	@Test
	void movedMailShowsTheOldAndTheNewTime() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.PHONE, TODAY.plusDays(2));
		Appointment before = booked.appointment();
		mailsTo(email, 1);
		Slot later = slot(before.start().atZone(ZONE).toLocalDate().plusDays(2), Channel.PHONE);

		assertThat(appointments.reschedule(before.reference(), booked.manageToken(), later.start(), null)).isPresent();

		MimeMessage mail = withSubject(mailsTo(email, 2),
				"Ihr Termin " + before.reference().value() + " wurde verschoben");
		String text = Mails.text(mail);
		DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN);
		assertThat(text).contains("Bisher: " + format.format(before.start().atZone(ZONE)))
			.contains("Wann: " + format.format(later.start().atZone(ZONE)));
		assertThat(Jsoup.parse(Mails.html(mail)).select("del").text())
			.isEqualTo(format.format(before.start().atZone(ZONE)));
		assertThat(Mails.attachments(mail)).hasSize(1);
	}

	@Test
	void cancelledMailConfirmsTheCancellation() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.PHONE, TODAY.plusDays(2));
		AppointmentReference reference = booked.appointment().reference();
		mailsTo(email, 1);

		assertThat(appointments.cancel(reference, booked.manageToken())).isTrue();

		MimeMessage mail = withSubject(mailsTo(email, 2), "Ihr Termin " + reference.value() + " ist abgesagt");
		assertThat(Mails.text(mail)).contains("Ihr Termin ist abgesagt.").contains("http://localhost:8080/termin");
		assertThat(Mails.attachments(mail)).isEmpty();
	}

	@Test
	void aReservationNotConfirmedInTimeLapsesAndTheCitizenIsTold() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.ONLINE, TODAY.plusDays(2));
		String reference = booked.appointment().reference().value();
		mailsTo(email, 1);

		clock.advance(Duration.ofMinutes(31));
		bookingJobs.expireHolds();

		MimeMessage mail = withSubject(mailsTo(email, 2), "Ihre Reservierung " + reference + " ist verfallen");
		assertThat(Mails.text(mail)).contains("buchen Sie bitte erneut")
			.contains("Neuen Termin buchen:")
			.contains("http://localhost:8080/termin");
	}

	@Test
	void remindsTheCitizenTheDayBefore() throws Exception {
		String email = address();
		Booked booked = book(email, Locale.ENGLISH, Channel.PHONE, TODAY.plusDays(3));
		Appointment appointment = booked.appointment();
		mailsTo(email, 1);

		clock.set(appointment.start().minus(Duration.ofHours(23)).atZone(ZONE));
		assertThat(bookingJobs.remind()).isPositive();

		MimeMessage mail = withSubject(mailsTo(email, 2),
				"Reminder of your appointment " + appointment.reference().value());
		assertThat(Mails.text(mail)).contains("this is a reminder of your appointment")
			.contains(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
				.format(appointment.start().atZone(ZONE)))
			.contains("Please bring:");
		String token = Mails.token(Mails.text(mail), "/termin/verwalten/" + appointment.reference().value());
		assertThat(appointments.find(appointment.reference(), new AccessToken(token))).isPresent();
		assertThat(Mails.attachments(mail)).extracting(Mails.Attachment::filename)
			.containsExactly("termin-" + appointment.reference().value() + ".ics");
	}

	@Test
	void joiningTheWaitingListSendsTheLinkToLeaveIt() throws Exception {
		String email = address();
		// beyond the release horizon: nothing to offer yet
		WaitingList.Joined joined = waitingList.join(new WaitingList.Request(ITEMS, List.of(LOCATION),
				TODAY.plusDays(60), TODAY.plusDays(70), citizen(email, Locale.GERMAN), client()));

		MimeMessage mail = mailsTo(email, 1).get(0);

		assertThat(mail.getSubject()).isEqualTo("Sie stehen auf der Warteliste: " + joined.reference());
		String text = Mails.text(mail);
		assertThat(text).contains("Wartelistennummer: " + joined.reference())
			.contains(german(ITEMS.get(0)))
			.contains(locations.find(LOCATION).orElseThrow().name().de());
		String token = Mails.token(text, "/termin/warteliste/" + joined.reference());
		assertThat(waitingList.leave(joined.reference(), new AccessToken(token))).isTrue();
	}

	@Test
	void aWaitingListOfferCanBeAcceptedFromItsMail() throws Exception {
		String email = address();
		waitingList.join(new WaitingList.Request(ITEMS, List.of(LOCATION), TODAY.plusDays(4), TODAY.plusDays(8),
				citizen(email, Locale.GERMAN), client()));

		List<MimeMessage> mails = mailsTo(email, 2);

		MimeMessage offer = mails.stream()
			.filter(mail -> subject(mail).startsWith("Ein Termin ist für Sie frei geworden: T-"))
			.findFirst()
			.orElseThrow();
		String text = Mails.text(offer);
		assertThat(text).contains("Das Angebot gilt bis")
			.contains("geht er an die nächste Person auf der Warteliste, und Ihr Eintrag auf der Warteliste endet");
		String token = Mails.token(text, "/termin/bestaetigen");
		assertThat(appointments.confirm(new AccessToken(token))).isPresent();
		String reference = subject(offer).substring(subject(offer).lastIndexOf(' ') + 1);
		assertThat(withSubject(mailsTo(email, 3), "Ihr Termin " + reference + " ist gebucht")).isNotNull();
	}

	@Test
	void aMailThatCouldNotBeSentLeavesOnceTheServerIsBackAndOnlyOnce() throws Exception {
		smtp.stop();
		String email = address();
		Booked booked = book(email, Locale.GERMAN, Channel.PHONE, TODAY.plusDays(2));
		String reference = booked.appointment().reference().value();

		await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(publicationStatus(reference)));
		assertThat(sentMails(reference)).isZero();

		smtp = startSmtp();
		clock.advance(Duration.ofMinutes(2));
		assertThat(retry.resubmit()).isTrue();

		assertThat(mailsTo(email, 1)).hasSize(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(publicationStatus(reference)));
		assertThat(sentMails(reference)).isOne();

		// the completion was lost (as if the instance died after the commit): delivered
		// again, the event finds its mail sent
		jdbc.sql("UPDATE event_publication SET completion_date = NULL, status = 'FAILED' "
				+ "WHERE serialized_event LIKE ? AND listener_id LIKE '%BookingMails%'")
			.param("%" + reference + "%")
			.update();
		clock.advance(Duration.ofMinutes(2));
		retry.resubmit();
		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(publicationStatus(reference)));
		Thread.sleep(500);
		assertThat(received(email)).hasSize(1);
	}

	@Test
	void citizenAndInterpreterGetTheSameVideoSessionAndTheInterpreterHearsOfTheCancellation() throws Exception {
		String email = address();
		List<VisitItem> consultation = List.of(new VisitItem(ProcedureId.of("vorgespraech-eheschliessung"), 1));
		LocationId registry = LocationId.of("standesamt");
		Slot slot = availability
			.slots(new AvailabilityQuery(consultation, registry, TODAY, TODAY.plusDays(14), Channel.ONLINE, "uk"), 1)
			.get(0);
		Booked booked = appointments.book(new BookingRequest(consultation, registry, slot.start(),
				citizen(email, Locale.GERMAN), Channel.ONLINE, client(), null, "uk"));
		String reference = booked.appointment().reference().value();
		Assignment assignment = interpreting.assignment(booked.appointment().reference()).orElseThrow();
		String session = assignment.videoSession().toString();
		// the interpreter hears of it once the citizen has confirmed
		String confirmToken = Mails.token(Mails.text(mailsTo(email, 1).get(0)), "/termin/bestaetigen");
		assertThat(received(assignment.interpreterEmail())).isEmpty();
		assertThat(appointments.confirm(new AccessToken(confirmToken))).isPresent();

		String toCitizen = Mails.text(withSubject(mailsTo(email, 2), "Ihr Termin " + reference + " ist gebucht"));
		MimeMessage toInterpreter = withSubject(mailsTo(assignment.interpreterEmail(), 1),
				"Video-Dolmetschen beim Standesamt: Termin " + reference
						+ " / Video interpreting at the registry office: appointment " + reference);

		assertThat(toCitizen).contains("Video-Dolmetschen", "Ukrainisch", session);
		// German first, English too
		String interpreterText = Mails.text(toInterpreter);
		assertThat(interpreterText).contains("Sprache: Ukrainisch", "Language: Ukrainian", session)
			.doesNotContain(email)
			.doesNotContain(secretsOf(booked));
		assertThat(interpreterText.indexOf("Sprache: Ukrainisch")).isLessThan(interpreterText.indexOf("Language:"));
		Document interpreterHtml = Jsoup.parse(Mails.html(toInterpreter));
		assertThat(interpreterHtml.select("html").attr("lang")).isEqualTo("de");
		assertThat(interpreterHtml.select("a[href=" + session + "]")).hasSize(2);
		assertThat(interpreterHtml.select("section[lang=en]").text()).contains("Hello", "Language: Ukrainian",
				"To the video session");

		assertThat(appointments.cancel(booked.appointment().reference(), booked.manageToken())).isTrue();

		MimeMessage cancelled = withSubject(mailsTo(assignment.interpreterEmail(), 2),
				"Abgesagt: Video-Dolmetschen, Termin " + reference + " / Cancelled: video interpreting, appointment "
						+ reference);
		assertThat(Mails.text(cancelled)).contains("Sprache: Ukrainisch", "no longer needed");
		assertThat(interpreting.assignment(booked.appointment().reference()).orElseThrow().active()).isFalse();
	}

	@Test
	void theDevelopmentInboxIsAbsentWhereMailsAreSent() throws Exception {
		mvc.perform(get("/dev/mail")).andExpect(status().isNotFound());
	}

	private Booked book(String email, Locale language, Channel channel, LocalDate from) {
		Slot slot = slot(from, channel);
		return appointments
			.book(new BookingRequest(ITEMS, LOCATION, slot.start(), citizen(email, language), channel, client(), null));
	}

	private Slot slot(LocalDate from, Channel channel) {
		List<Slot> slots = availability.slots(new AvailabilityQuery(ITEMS, LOCATION, from, from.plusDays(7), channel),
				100);
		assertThat(slots).as("free times from " + from).isNotEmpty();
		return slots.get(0);
	}

	/** The private token that lets a citizen manage the appointment. */
	private static String secretsOf(Booked booked) {
		return booked.manageToken().value();
	}

	private static Citizen citizen(String email, Locale language) {
		String name = Locale.ENGLISH.equals(language) ? "Jane Doe" : "Erika Mustermann";
		return new Citizen(name, Email.of(email), null, language);
	}

	private static String address() {
		return "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static String client() {
		return "test-" + UUID.randomUUID();
	}

	private String german(VisitItem item) {
		return catalog.procedure(item.procedure()).orElseThrow().name().de();
	}

	private String english(VisitItem item) {
		return catalog.procedure(item.procedure()).orElseThrow().name().en();
	}

	private String publicationStatus(String reference) {
		return jdbc
			.sql("""
					SELECT status FROM event_publication
					WHERE serialized_event LIKE ? AND listener_id LIKE '%BookingMails%' AND event_type LIKE '%AppointmentBooked'""")
			.param("%" + reference + "%")
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private int sentMails(String reference) {
		return jdbc.sql("SELECT count(*) FROM notifications.sent_mail WHERE reference = ?")
			.param(reference)
			.query(Integer.class)
			.single();
	}

	/**
	 * Waits for at least {@code count} mails to the address; all of them, oldest first.
	 */
	private static List<MimeMessage> mailsTo(String address, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> received(address).size() >= count);
		return received(address);
	}

	private static List<MimeMessage> received(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> ((InternetAddress) to).getAddress().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage withSubject(List<MimeMessage> mails, String subject) {
		return mails.stream()
			.filter(mail -> subject.equals(subject(mail)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no mail \"" + subject + "\" among " + mails.stream().map(mail -> subject(mail)).toList()));
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static VEvent calendarEvent(String content) throws IOException, ParserException {
		Calendar calendar = new CalendarBuilder().build(new StringReader(content));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex + " in " + text).isTrue();
		return matcher.group(1);
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a QR code from a PNG as a scanner would (ZXing's decoder). */
	private static String decodeQr(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

}
