package de.buergerservice.frontdesk;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import de.buergerservice.frontdesk.internal.CallBroadcaster;
import de.buergerservice.frontdesk.internal.FrontDeskService;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.staff.Grant;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.StaffMember;
import de.buergerservice.testsupport.Browser;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The call display in a real browser, as the TV in the waiting room shows it: a call
 * appears within a second of the counter's click, is announced to screen readers, the
 * display finds its way back after the connection drops, and passes axe-core's WCAG 2.1
 * AA rules.
 */
@IntegrationTest
class CallDisplayBrowserTest {

	private static final LocationId SCHOENEFELD = LocationId.of("buergerbuero-schoenefeld");

	private static final ProcedureId CERTIFICATE = ProcedureId.of("meldebescheinigung");

	/**
	 * Notes, in the page, the time (ms since the epoch) a number first appears in the
	 * calls table: measured where it happens, not by Selenium's polling.
	 */
	private static final String WATCH = """
			window.seen = {};
			new MutationObserver(function () {
			  document.querySelectorAll('#calls td:first-child').forEach(function (cell) {
			    if (!(cell.textContent in window.seen)) { window.seen[cell.textContent] = Date.now(); }
			  });
			}).observe(document.getElementById('calls'), { childList: true, subtree: true });
			""";

	@RegisterExtension
	static final Browser browser = Browser.perTestClass();

	@LocalServerPort
	int port;

	@Autowired
	FrontDeskService desk;

	@Autowired
	CallBroadcaster broadcaster;

	@Autowired
	Locations locations;

	@Test
	void aCallAppearsOnTheDisplayWithinASecondAndIsAnnounced() {
		WebDriver page = openDisplay();
		StaffMember member = member("schalter.schoenefeld");
		Counter counter = locations.counters(SCHOENEFELD).getFirst();
		desk.signIn(member, counter);
		String number = desk.walkIn(member, SCHOENEFELD, List.of(CERTIFICATE), null).ticket().number();

		long calledAt = System.currentTimeMillis();
		assertThat(desk.callNext(member, counter)).isPresent();

		long shownAt = waitUntilShown(page, number);
		assertThat(shownAt - calledAt).as("milliseconds from the call to the display").isLessThan(1000);
		assertThat(page.findElement(By.cssSelector("#calls tr.latest")).getText()).contains(number)
			.contains(counter.name());
		assertThat(page.findElement(By.id("announcement")).getAttribute("textContent")).contains(number)
			.contains(counter.name());
		assertThat(page.findElement(By.id("estimate")).getText()).contains("Minuten");
		assertThat(browser.accessibilityViolations()).isEmpty();

		desk.arrived(member, counter);
		desk.finish(member, counter, List.of(CERTIFICATE));
	}

	@Test
	void theDisplayReconnectsByItselfAndShowsTheNextCall() {
		WebDriver page = openDisplay();
		broadcaster.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> broadcaster.connected(SCHOENEFELD) == 0);
		broadcaster.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> broadcaster.connected(SCHOENEFELD) > 0);
		((JavascriptExecutor) page).executeScript(WATCH);

		StaffMember member = member("schalter2.schoenefeld");
		Counter counter = locations.counters(SCHOENEFELD).get(1);
		desk.signIn(member, counter);
		String number = desk.walkIn(member, SCHOENEFELD, List.of(CERTIFICATE), null).ticket().number();
		desk.callNext(member, counter);

		waitUntilShown(page, number);
		assertThat(page.findElement(By.id("connection")).isDisplayed()).isFalse();
	}

	private WebDriver openDisplay() {
		WebDriver page = browser.driver();
		int before = broadcaster.connected(SCHOENEFELD);
		page.get("http://localhost:" + port + "/display/" + SCHOENEFELD.value() + "?lang=de");
		await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.connected(SCHOENEFELD) > before);
		((JavascriptExecutor) page).executeScript(WATCH);
		return page;
	}

	/** Waits (up to 10 s) until the number is in the table; when it first appeared. */
	private static long waitUntilShown(WebDriver page, String number) {
		Object shown = new WebDriverWait(page, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
			.until(driver -> ((JavascriptExecutor) driver).executeScript("return window.seen[arguments[0]];", number));
		return ((Number) shown).longValue();
	}

	private static StaffMember member(String username) {
		return new StaffMember(username, username, Set.of(Grant.at(Role.COUNTER_STAFF, SCHOENEFELD)));
	}

}
