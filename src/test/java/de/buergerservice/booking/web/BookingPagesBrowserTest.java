package de.buergerservice.booking.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books in a real browser with JavaScript: from the procedure page through
 * location, day and time to the form, where our script solves the proof of work in the
 * background; then manages the appointment. Every booking page passes axe-core's WCAG 2.1
 * AA rules, the error states included.
 */
@IntegrationTest
class BookingPagesBrowserTest {

	private static final AtomicInteger CITIZENS = new AtomicInteger();

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Test
	void booksFromTheProcedurePageWithTheProofOfWorkSolvedByTheScript() {
		WebDriver page = browser.driver();
		page.get(url("/leistungen/personalausweis-beantragen?lang=de"));

		page.findElement(By.linkText("Termin buchen")).click();
		assertAccessible("procedures");
		assertThat(page.findElement(By.id("p-personalausweis-beantragen")).isSelected()).isTrue();
		page.findElement(By.cssSelector("button[type=submit]")).click();

		assertAccessible("location");
		page.findElement(By.cssSelector("label[for='ort-buergerbuero-otto-schill-strasse']")).click();
		page.findElement(By.cssSelector("form[action='/termin/tag'] button[type=submit]")).click();

		assertAccessible("day");
		List<WebElement> days = page.findElements(By.cssSelector("td.free a"));
		assertThat(days).isNotEmpty();
		days.get(days.size() - 1).click();

		assertAccessible("times");
		List<WebElement> times = page.findElements(By.cssSelector("ul.times a"));
		times.get(times.size() / 2).click();

		assertThat(browser.heading("Ihre Angaben")).isEqualTo("Ihre Angaben");
		WebElement proof = page.findElement(By.name("proofOfWork"));
		new WebDriverWait(page, Duration.ofSeconds(30))
			.until(driver -> !proof.getDomProperty("value").startsWith("wait:"));
		assertThat(page.findElement(By.id("proofOfWork-status")).getText())
			.isEqualTo("Sicherheitsprüfung erledigt. Sie können das Formular absenden.");
		assertAccessible("form");

		page.findElement(By.id("email")).sendKeys("keine-adresse");
		page.findElement(By.id("senden")).click();
		assertThat(page.findElement(By.cssSelector(".error-summary")).getText()).contains("Name")
			.contains("E-Mail-Adresse");
		assertThat(page.switchTo().activeElement().getAttribute("class")).contains("error-summary");
		assertAccessible("form with errors");

		int n = CITIZENS.incrementAndGet();
		page.findElement(By.id("name")).sendKeys("Erika Mustermann");
		page.findElement(By.id("email")).clear();
		page.findElement(By.id("email")).sendKeys("erika.browser" + n + "@example.org");
		new WebDriverWait(page, Duration.ofSeconds(30))
			.until(driver -> !driver.findElement(By.name("proofOfWork")).getDomProperty("value").startsWith("wait:"));
		page.findElement(By.id("senden")).click();

		assertThat(browser.heading("Bitte bestätigen Sie")).contains("Bitte bestätigen Sie");
		assertThat(page.findElement(By.cssSelector("strong.reference")).getText()).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertAccessible("booked");

		page.findElement(By.cssSelector(".private-link a")).click();
		assertThat(browser.heading("Ihr Termin")).isEqualTo("Ihr Termin");
		assertAccessible("manage");

		page.findElement(By.linkText("Termin verschieben")).click();
		assertAccessible("move: day");
		List<WebElement> moveDays = page.findElements(By.cssSelector("td.free a"));
		moveDays.get(0).click();
		assertAccessible("move: times");
		page.findElements(By.cssSelector("ul.times a")).get(0).click();
		assertAccessible("move: question");
		page.findElement(By.cssSelector("form[method=post] button")).click();
		assertThat(browser.heading("Ihr Termin ist verschoben")).isEqualTo("Ihr Termin ist verschoben");
		assertAccessible("moved");

		page.findElement(By.linkText("Zurück zu Ihrem Termin")).click();
		page.findElement(By.linkText("Termin absagen")).click();
		assertAccessible("cancel: question");
		page.findElement(By.cssSelector("form[method=post] button")).click();
		assertThat(browser.heading("Ihr Termin ist abgesagt")).isEqualTo("Ihr Termin ist abgesagt");
		assertAccessible("cancelled");
	}

	@Test
	void joinsAndLeavesTheWaitingListFromTheCalendar() {
		WebDriver page = browser.driver();
		page.get(url("/termin/tag?leistung=personalausweis-beantragen&ort=buergerbuero-otto-schill-strasse&lang=de"));

		page.findElement(By.linkText("Auf die Warteliste setzen")).click();
		assertAccessible("waiting list");
		int n = CITIZENS.incrementAndGet();
		page.findElement(By.id("name")).sendKeys("Walter Wartend");
		page.findElement(By.id("email")).sendKeys("walter" + n + "@example.org");
		// a Sunday, so that nothing is offered at once and the entry keeps waiting
		((JavascriptExecutor) page).executeScript(
				"document.getElementById('von').value = document.getElementById('bis').value = '2026-11-29'");
		page.findElement(By.cssSelector("form[method=post] button")).click();

		assertThat(browser.heading("Sie stehen auf der Warteliste")).isEqualTo("Sie stehen auf der Warteliste");
		assertAccessible("joined");
		page.findElement(By.cssSelector(".private-link a")).click();
		assertAccessible("leave: question");
		page.findElement(By.cssSelector("form[method=post] button")).click();
		assertThat(browser.heading("Sie haben die Warteliste verlassen"))
			.isEqualTo("Sie haben die Warteliste verlassen");
		assertAccessible("left");
	}

	@Test
	void switchesToEnglishOnAStepAndKeepsTheChoices() {
		WebDriver page = browser.driver();
		page.get(url("/termin/tag?leistung=personalausweis-beantragen&ort=ueberall&lang=de"));

		page.findElement(By.cssSelector("a.language-switch")).click();

		assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.heading("On which day would you like to come?"))
			.isEqualTo("On which day would you like to come?");
		assertThat(page.findElements(By.cssSelector("td.free a"))).isNotEmpty();
		page.get(url("/termin?lang=de"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/termin?lang=de", "/termin?lebenslage=geburt&lang=en", "/termin?leistung=gibt-es-nicht",
			"/termin/ort?leistung=personalausweis-beantragen&leistung=meldebescheinigung",
			"/termin/tag?leistung=personalausweis-beantragen&ort=ueberall",
			"/termin/tag?leistung=personalausweis-beantragen&ort=buergerkoffer&lang=en",
			"/termin/zeit?leistung=personalausweis-beantragen&ort=ueberall&tag=2026-11-26",
			"/termin/zeit?leistung=personalausweis-beantragen&ort=buergerbuero-otto-schill-strasse&tag=2030-01-01",
			"/termin/warteliste?leistung=personalausweis-beantragen&ort=buergerbuero-otto-schill-strasse",
			"/termin/bestaetigen?token=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"/termin/bestaetigen?token=kaputt",
			"/termin/verwalten/T-0000-0000?token=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"/termin/warteliste/W-0000-0000?token=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void meetsWcag21AA(String path) {
		browser.driver().get(url(path));

		assertAccessible(path);
	}

	private void assertAccessible(String what) {
		browser.assertAccessible(what);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
