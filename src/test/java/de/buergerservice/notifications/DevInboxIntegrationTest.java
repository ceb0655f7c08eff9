package de.buergerservice.notifications;

import java.time.Duration;
import java.time.LocalDate;
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
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Without an SMTP server (the embedded default), mails land in the development inbox at
 * {@code /dev/mail}: a page in German and English like every other.
 */
@IntegrationTest
class DevInboxIntegrationTest {

	static final LocationId LOCATION = LocationId.of("buergerbuero-otto-schill-strasse");

	static final List<VisitItem> ITEMS = List.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1));

	@Autowired
	MockMvc mvc;

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void listsTheMailsThatWouldHaveBeenSentNewestFirst() throws Exception {
		String first = book(Locale.GERMAN);
		await().atMost(Duration.ofSeconds(30)).until(() -> page("/dev/mail").text().contains(first));
		clock.advance(Duration.ofMinutes(1));
		String second = book(Locale.ENGLISH);
		await().atMost(Duration.ofSeconds(30)).until(() -> page("/dev/mail").text().contains(second));

		Document inbox = page("/dev/mail");

		assertThat(inbox.select("html").attr("lang")).isEqualTo("de");
		assertThat(inbox.select("h1").text()).isEqualTo("Entwicklungs-Postfach");
		Elements subjects = inbox.select("table.dev-mail tbody td a");
		List<String> texts = subjects.eachText();
		assertThat(texts.indexOf("Your appointment " + second + " is booked"))
			.isLessThan(texts.indexOf("Ihr Termin " + first + " ist gebucht"));
		Document english = page("/dev/mail?lang=en");
		assertThat(english.select("html").attr("lang")).isEqualTo("en");
		assertThat(english.select("h1").text()).isEqualTo("Development inbox");
	}

	@Test
	void showsEachMailsTextHtmlAndAttachments() throws Exception {
		String reference = book(Locale.GERMAN);
		await().atMost(Duration.ofSeconds(30)).until(() -> page("/dev/mail").text().contains(reference));
		String link = page("/dev/mail").select("a:contains(" + reference + ")").attr("href");

		Document mail = page(link);

		assertThat(mail.select("h1").text()).isEqualTo("Ihr Termin " + reference + " ist gebucht");
		assertThat(mail.select("pre.mail-text").text()).contains("Buchungsnummer: " + reference)
			.contains("/termin/verwalten/" + reference + "?token=");
		assertThat(mail.select("ul.attachments a").text()).isEqualTo("termin-" + reference + ".ics");

		MockHttpServletResponse calendar = mvc.perform(get(mail.select("ul.attachments a").attr("href")))
			.andReturn()
			.getResponse();
		assertThat(calendar.getStatus()).isEqualTo(200);
		assertThat(calendar.getContentType()).startsWith("text/calendar");
		assertThat(calendar.getContentAsString()).startsWith("BEGIN:VCALENDAR").contains(reference);

		MockHttpServletResponse html = mvc.perform(get(link + "/html")).andReturn().getResponse();
		assertThat(html.getHeader("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
		assertThat(Jsoup.parse(html.getContentAsString()).select("html").attr("lang")).isEqualTo("de");
		assertThat(Jsoup.parse(html.getContentAsString()).select("img[alt*=" + reference + "]").attr("src"))
			.as("the check-in QR code, inline as a mail client shows it")
			.startsWith("data:image/png;base64,");
	}

	@Test
	void anUnknownMailIsNotFound() throws Exception {
		assertThat(mvc.perform(get("/dev/mail/" + UUID.randomUUID())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/dev/mail/no-mail")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	/** Books by phone (confirmed at once, no proof of work): the "confirmed" mail. */
	private String book(Locale language) {
		LocalDate from = MutableClock.START.toLocalDate().plusDays(2);
		Slot slot = availability.slots(new AvailabilityQuery(ITEMS, LOCATION, from, from.plusDays(7), Channel.PHONE), 1)
			.get(0);
		String email = "inbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		return appointments
			.book(new BookingRequest(ITEMS, LOCATION, slot.start(),
					new Citizen("Erika Mustermann", Email.of(email), null, language), Channel.PHONE,
					"test-" + UUID.randomUUID(), null))
			.appointment()
			.reference()
			.value();
	}

	private Document page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

}
