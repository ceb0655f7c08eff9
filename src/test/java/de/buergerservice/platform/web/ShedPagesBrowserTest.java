package de.buergerservice.platform.web;

import java.time.Duration;
import java.util.List;

import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A citizen whose booking form is shed in a rush (every turn of the instance taken) gets
 * the busy page with a button that sends the same entries again; once a turn is free, one
 * click books — in a real browser, CSRF protection and the proof of work included.
 */
@IntegrationTest
class ShedPagesBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Autowired
	FilterRegistrationBean<AdmissionControl> admission;

	@Autowired
	MockMvc mvc;

	private int taken;

	@AfterEach
	void giveBackTheTurns() {
		admission.getFilter().turns.release(taken);
		taken = 0;
	}

	@Test
	void sendsTheShedFormAgainWithOneClick() {
		WebDriver page = browser.driver();
		page.get(url("/termin/tag?leistung=meldebescheinigung&ort=buergerbuero-otto-schill-strasse&lang=de"));
		List<WebElement> days = page.findElements(By.cssSelector("td.free a"));
		assertThat(days).isNotEmpty();
		days.get(days.size() - 1).click();
		List<WebElement> times = page.findElements(By.cssSelector("ul.times a"));
		times.get(times.size() / 2).click();
		assertThat(browser.heading("Ihre Angaben")).isEqualTo("Ihre Angaben");
		page.findElement(By.id("name")).sendKeys("Erika <b>Eilig</b>");
		page.findElement(By.id("email")).sendKeys("erika.eilig@example.org");
		new WebDriverWait(page, Duration.ofSeconds(30))
			.until(driver -> !driver.findElement(By.name("proofOfWork")).getDomProperty("value").startsWith("wait:"));

		taken = admission.getFilter().turns.drainPermits();
		page.findElement(By.id("senden")).click();

		assertThat(browser.heading("Fehler 503")).isEqualTo("Fehler 503");
		assertThat(page.findElement(By.cssSelector("p.message")).getText())
			.contains("Ihre Eingaben wurden nicht gespeichert");
		assertThat(page.findElement(By.cssSelector("form.resend input[name=name]")).getDomProperty("value"))
			.isEqualTo("Erika <b>Eilig</b>");
		assertThat(page.findElements(By.cssSelector("form.resend input[name=_csrf]"))).hasSize(1);
		browser.assertAccessible("busy page with the form to send again");

		admission.getFilter().turns.release(taken);
		taken = 0;
		page.findElement(By.cssSelector("form.resend button[type=submit]")).click();

		assertThat(browser.heading("Bitte bestätigen Sie")).contains("Bitte bestätigen Sie");
		assertThat(page.findElement(By.cssSelector("strong.reference")).getText()).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}");
	}

	@Test
	void theBusyPageWithTheEntriesIsNotKeptInACache() throws Exception {
		taken = admission.getFilter().turns.drainPermits();

		MockHttpServletResponse busy = mvc
			.perform(post("/termin").param("name", "Erika \"Eilig\"").param("lang", "en").with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(busy.getStatus()).isEqualTo(503);
		assertThat(busy.getHeader("Cache-Control")).contains("no-store");
		assertThat(busy.getContentAsString()).contains("value=\"Erika &quot;Eilig&quot;\"").contains("Send again");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
