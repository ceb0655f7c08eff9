package de.buergerservice.events.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Rule;
import de.buergerservice.events.EventId;
import de.buergerservice.events.TestEvents;
import de.buergerservice.events.internal.EventStore;
import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A citizen registers for an online dialogue in a real browser: from the list to the
 * event's form (first with mistakes), confirms with the link from the mail (read from the
 * development inbox), gets the join link, and cancels with the private link, whereupon
 * the first on the waiting list moves up. A full event says so on the form. Every page
 * passes axe-core's WCAG 2.1 AA rules, the error states and the organiser's view
 * included.
 */
@IntegrationTest
class EventPagesBrowserTest {

	private static final Pattern CONFIRM_TOKEN = Pattern
		.compile("/veranstaltungen/bestaetigen\\?token=([A-Za-z0-9_-]+)");

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Autowired
	EventStore store;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	TestEvents testEvents;

	@BeforeEach
	void setUp() {
		testEvents = new TestEvents(store, transaction);
	}

	@Test
	void registersForAnOnlineDialogueConfirmsByMailAndCancelsSoThatTheWaitingListMovesUp() {
		EventId event = testEvents.online(10, 1, 1);
		WebDriver page = browser.driver();
		page.get(url("/veranstaltungen?lang=de"));
		assertAccessible("list");

		page.findElement(By.linkText("Testveranstaltung " + event)).click();
		assertThat(browser.heading("Testveranstaltung")).isEqualTo("Testveranstaltung " + event);
		assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains("Noch 1 Platz frei");
		assertAccessible("event");

		page.findElement(By.id("email")).sendKeys("keine-adresse");
		page.findElement(By.id("anmelden")).click();
		assertThat(errorSummary()).contains("Name").contains("E-Mail-Adresse");
		assertThat(page.switchTo().activeElement().getAttribute("class")).contains("error-summary");
		assertThat(page.findElement(By.id("email")).getDomProperty("value")).isEqualTo("keine-adresse");
		assertAccessible("form with errors");
		assertThat(registrations(event)).as("a refused form changes nothing").isZero();

		String erika = TestEvents.email().value();
		page.findElement(By.id("name")).sendKeys("Erika Mustermann");
		page.findElement(By.id("email")).clear();
		page.findElement(By.id("email")).sendKeys(erika);
		page.findElement(By.id("anmelden")).click();

		assertThat(browser.heading("Bitte bestätigen Sie")).isEqualTo("Bitte bestätigen Sie Ihre Anmeldung");
		assertThat(page.findElement(By.cssSelector(".status-line")).getText()).contains(erika);
		String reference = page.findElement(By.cssSelector("strong.reference")).getText();
		assertThat(reference).matches("V-[0-9A-Z]{4}-[0-9A-Z]{4}");
		String erikasLink = page.findElement(By.cssSelector(".private-link a")).getAttribute("href");
		assertAccessible("registered");

		String token = find(mail(erika, "Bitte bestätigen Sie Ihre Anmeldung"), CONFIRM_TOKEN);
		page.get(url("/veranstaltungen/bestaetigen?token=" + token));
		assertThat(browser.heading("Anmeldung bestätigen")).isEqualTo("Anmeldung bestätigen");
		assertAccessible("confirm: question");
		page.findElement(By.cssSelector("form[method=post] button")).click();
		assertThat(browser.heading("Ihre Anmeldung ist bestätigt")).isEqualTo("Ihre Anmeldung ist bestätigt");
		assertAccessible("confirmed");
		assertThat(mail(erika, "Ihre Anmeldung " + reference + " ist bestätigt")).as("the join link")
			.contains("https://meeting.example/");

		String max = TestEvents.email().value();
		page.get(url("/veranstaltungen/" + event + "?lang=de"));
		assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains("Warteliste");
		page.findElement(By.id("name")).sendKeys("Max Mustermann");
		page.findElement(By.id("email")).sendKeys(max);
		page.findElement(By.id("anmelden")).click();
		assertThat(browser.heading("Warteliste")).isEqualTo("Sie stehen auf der Warteliste");
		assertThat(page.findElement(By.cssSelector(".status-line")).getText()).contains("Platz 1 der Warteliste");
		String maxsLink = page.findElement(By.cssSelector(".private-link a")).getAttribute("href");
		assertAccessible("waiting list");

		page.get(erikasLink);
		assertThat(browser.heading("Ihre Anmeldung")).isEqualTo("Ihre Anmeldung");
		assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains(reference).contains("Bestätigt");
		assertAccessible("registration");
		page.findElement(By.cssSelector("form[method=post] button")).click();
		assertThat(browser.heading("abgesagt")).isEqualTo("Ihre Anmeldung ist abgesagt");
		assertAccessible("cancelled");
		page.get(erikasLink);
		assertThat(page.findElements(By.cssSelector("form[method=post] button"))).as("nothing left to cancel")
			.isEmpty();

		page.get(maxsLink);
		assertThat(page.findElement(By.cssSelector(".status-line")).getText()).as("Max moved up and holds the seat")
			.startsWith("Bitte bestätigen Sie Ihre Anmeldung mit dem Link aus der E-Mail");
		assertThat(mail(max, "Ein Platz ist für Sie frei geworden")).contains("/veranstaltungen/bestaetigen?token=");
	}

	@Test
	void aFullEventSaysSoOnTheFormAndKeepsWhatWasEntered() {
		EventId event = testEvents.online(12, 1, 0);
		WebDriver page = browser.driver();
		page.get(url("/veranstaltungen/" + event + "?lang=de"));
		page.findElement(By.id("name")).sendKeys("Erika Mustermann");
		page.findElement(By.id("email")).sendKeys(TestEvents.email().value());
		page.findElement(By.id("anmelden")).click();
		assertThat(browser.heading("Bitte bestätigen Sie")).isEqualTo("Bitte bestätigen Sie Ihre Anmeldung");

		page.get(url("/veranstaltungen/" + event + "?lang=de"));
		assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains("Ausgebucht");
		String max = TestEvents.email().value();
		page.findElement(By.id("name")).sendKeys("Max Mustermann");
		page.findElement(By.id("email")).sendKeys(max);
		page.findElement(By.id("anmelden")).click();

		assertThat(errorSummary()).contains("Alle Plätze sind vergeben");
		assertThat(page.findElement(By.id("email")).getDomProperty("value")).isEqualTo(max);
		assertAccessible("full");
		assertThat(registrations(event)).isOne();
	}

	@Test
	void theOrganiserSeesTheRegistrationsAfterLoggingIn() {
		EventId event = testEvents.online(14, 5, 0);
		WebDriver page = browser.driver();
		page.get(url("/veranstaltungen/" + event + "?lang=de"));
		page.findElement(By.id("name")).sendKeys("Erika Mustermann");
		String erika = TestEvents.email().value();
		page.findElement(By.id("email")).sendKeys(erika);
		page.findElement(By.id("anmelden")).click();
		browser.heading("Bitte bestätigen Sie");

		page.get(url("/staff/login?lang=de"));
		page.findElement(By.id("username")).sendKeys("admin");
		page.findElement(By.id("password")).sendKeys("demo-passwort");
		page.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().contains("/login"));

		page.get(url("/staff/veranstaltungen?lang=de"));
		assertAccessible("organiser: list");
		page.get(url("/staff/veranstaltungen/" + event + "?lang=de"));
		assertThat(page.findElement(By.cssSelector("table.registrations tbody")).getText()).contains("Erika Mustermann")
			.contains(erika);
		assertAccessible("organiser: registrations");
		page.manage().deleteAllCookies();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/veranstaltungen?lang=en", "/veranstaltungen/buergerdialog-2027-01?lang=de",
			"/veranstaltungen/vhs-kurs-online-ausweis?lang=en", "/veranstaltungen/eid-sprechstunde-dezember?lang=de",
			"/veranstaltungen/gibt-es-nicht", "/veranstaltungen/bestaetigen?token=kaputt",
			"/veranstaltungen/anmeldung/V-0000-0000?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void meetsWcag21AA(String path) {
		browser.driver().get(url(path));

		assertAccessible(path);
	}

	/**
	 * The text of the newest mail to the address whose subject starts so, once it is in
	 * the development inbox (mails leave after the transaction, asynchronously).
	 */
	private String mail(String address, String subject) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("""
					SELECT text_body FROM notifications.dev_mail
					WHERE recipient LIKE ? AND subject LIKE ? ORDER BY sent_at DESC LIMIT 1""")
				.params("%<" + address + ">", subject + "%")
				.query(String.class)
				.optional(), Optional::isPresent)
			.orElseThrow();
	}

	private int registrations(EventId event) {
		return jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ?")
			.param(event.value())
			.query(Integer.class)
			.single();
	}

	private static String find(String text, Pattern pattern) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static String errorSummary() {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(NoSuchElementException.class)
			.until(driver -> driver.findElement(By.cssSelector(".error-summary")))
			.getText();
	}

	private void assertAccessible(String what) {
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).as(what + " " + browser.driver().getCurrentUrl())
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().size() + "× "
					+ rule.getNodes().get(0).getHtml())
			.isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
