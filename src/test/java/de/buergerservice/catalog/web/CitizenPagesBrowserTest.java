package de.buergerservice.catalog.web;

import java.util.List;

import com.deque.html.axecore.results.Rule;
import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen in a real browser: finds a procedure by typing what they would say, reaches
 * it without JavaScript, switches to English; and every page passes axe-core's WCAG 2.1
 * AA rules.
 */
@IntegrationTest
class CitizenPagesBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Test
	void findsTheIdCardByTypingPersoAndSwitchesToEnglish() {
		WebDriver page = browser.driver();
		page.get(url("/?lang=de"));

		page.findElement(By.id("q")).sendKeys("Perso", Keys.ENTER);
		page.findElement(By.cssSelector("ol.results li a")).click();

		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Personalausweis beantragen");

		page.findElement(By.cssSelector("a.language-switch")).click();

		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Apply for an ID card");
		assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
	}

	@Test
	void skipLinkTakesKeyboardUsersToTheContent() {
		WebDriver page = browser.driver();
		page.get(url("/leistungen?lang=de"));

		page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		var focused = page.switchTo().activeElement();

		assertThat(focused.getText()).isEqualTo("Zum Inhalt springen");
		assertThat(focused.isDisplayed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/?lang=de", "/suche?q=Hochzeit", "/suche?q=Raumschiff",
			"/leistungen/personalausweis-beantragen", "/leistungen", "/lebenslagen/umzug-nach-leipzig", "/standorte",
			"/standorte/buergerbuero-otto-schill-strasse", "/standorte/buergerkoffer?lang=en",
			"/leistungen/gibt-es-nicht" })
	void meetsWcag21AA(String path) {
		browser.driver().get(url(path));

		List<Rule> violations = browser.accessibilityViolations();

		assertThat(violations).as(path)
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().size() + "×")
			.isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
