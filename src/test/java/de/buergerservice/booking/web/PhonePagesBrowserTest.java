package de.buergerservice.booking.web;

import java.time.Duration;
import java.util.List;

import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone agent signs in and books for a caller without an e-mail address in a real
 * browser, by keyboard where it matters: search, choose, a location and day, a time, the
 * caller's name, the result to read out. Every page passes axe-core's WCAG 2.1 AA rules,
 * the form with its errors included.
 */
@IntegrationTest
class PhonePagesBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Test
	void anAgentBooksForACallerWithoutEMail() {
		WebDriver page = browser.driver();
		page.get(url("/staff/login?lang=de"));
		page.findElement(By.id("username")).sendKeys("telefon");
		page.findElement(By.id("password")).sendKeys("demo-passwort");
		page.findElement(By.cssSelector("form[method=post] button[type=submit]")).click();
		page.findElement(By.linkText("Termin für Anrufende buchen")).click();

		waitForHeading("Bürgertelefon: Was braucht die anrufende Person?");
		assertAccessible("search");
		reload(() -> page.findElement(By.id("q")).sendKeys("Perso\n"));
		assertAccessible("hits");
		WebElement idCard = page.findElement(By.id("p-personalausweis-beantragen"));
		page.findElement(By.cssSelector("label[for='p-personalausweis-beantragen']")).click();
		assertThat(idCard.isSelected()).isTrue();
		page.findElement(By.id("q")).clear();
		reload(() -> page.findElement(By.id("q")).sendKeys("Meldebescheinigung\n"));
		assertThat(page.findElement(By.id("p-personalausweis-beantragen")).isSelected()).as("kept while searching")
			.isTrue();
		page.findElement(By.cssSelector("#leistungen + p.actions button")).click();

		waitForHeading("Bürgertelefon: Wo und wann?");
		assertAccessible("where and when");
		new Select(page.findElement(By.id("ort"))).selectByValue("buergerbuero-ratzelbogen");
		new Select(page.findElement(By.id("tag"))).selectByIndex(1);
		reload(() -> page.findElement(By.cssSelector("form[action='/staff/telefon/termin'] button[type=submit]"))
			.click());
		assertAccessible("times at one location");
		List<WebElement> times = page.findElements(By.cssSelector("#zeit ul.times a"));
		assertThat(times).isNotEmpty();
		times.get(times.size() / 2).click();

		waitForHeading("Bürgertelefon: Angaben zur anrufenden Person");
		assertAccessible("caller");
		page.findElement(By.id("senden")).click();
		assertThat(page.findElement(By.cssSelector(".error-summary")).getText()).contains("Name");
		assertAccessible("caller with errors");

		page.findElement(By.id("name")).sendKeys("Erika Mustermann");
		page.findElement(By.id("senden")).click();

		waitForHeading("Termin gebucht – bitte vorlesen");
		assertThat(page.findElement(By.cssSelector("strong.reference")).getText()).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(page.findElement(By.cssSelector(".message")).getText()).contains("keine E-Mail");
		assertAccessible("booked");
	}

	/** Does what loads the same page anew, and waits until it is there. */
	private void reload(Runnable action) {
		WebElement before = browser.driver().findElement(By.tagName("h1"));
		action.run();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
	}

	/** Waits until the page that a click or key loads is there. */
	private void waitForHeading(String heading) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElement(By.tagName("h1")).getText().equals(heading));
	}

	private void assertAccessible(String what) {
		browser.assertAccessible(what);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
