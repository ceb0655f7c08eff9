package de.buergerservice.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}),
 * driven by Selenium without Selenium Manager (which would go to the network), and
 * axe-core to check a page against WCAG 2.1 A and AA.
 * <p>
 * One per test class, as a JUnit extension:
 * {@code @RegisterExtension static final Browser browser = Browser.perTestClass();}
 * starts it before the class's first test (skipping the class where Debian's Chromium is
 * not installed) and closes it after the last.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private @Nullable ChromeDriver driver;

	private @Nullable Path profile;

	private Browser() {
	}

	/** A browser for the tests of one class. */
	public static Browser perTestClass() {
		return new Browser();
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
				"--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	public ChromeDriver driver() {
		return Objects.requireNonNull(driver, "the browser runs from the test class's start to its end");
	}

	/**
	 * The page's heading once it contains the expected text (a form's submit returns
	 * before the next page is there), or whatever it is after 10 seconds.
	 */
	public String heading(String expected) {
		try {
			new WebDriverWait(driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
				.until(page -> page.findElement(By.tagName("h1")).getText().contains(expected));
		}
		catch (TimeoutException ex) {
			// the assertion that follows says what the heading is instead
		}
		return driver().findElement(By.tagName("h1")).getText();
	}

	/** The WCAG 2.1 A/AA violations axe-core finds on the current page. */
	public List<Rule> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver());
		return results.getViolations();
	}

	/**
	 * Fails naming each WCAG 2.1 A/AA rule that axe-core finds violated on the current
	 * page, how often, and the first element.
	 */
	public void assertAccessible(String what) {
		assertThat(accessibilityViolations()).as(what + " " + driver().getCurrentUrl())
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().size() + "× "
					+ rule.getNodes().get(0).getHtml())
			.isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a temporary directory left behind
			}
			profile = null;
		}
	}

}
