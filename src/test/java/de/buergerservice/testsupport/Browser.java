package de.buergerservice.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}),
 * driven by Selenium without Selenium Manager (which would go to the network), and
 * axe-core to check a page against WCAG 2.1 A and AA.
 */
public final class Browser implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts a browser; skips the test where Debian's Chromium is not installed. */
	public static Browser start() {
		assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		try {
			Path profile = Files.createTempDirectory("chromium-profile");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
					"--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** The WCAG 2.1 A/AA violations axe-core finds on the current page. */
	public List<Rule> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		return results.getViolations();
	}

	/**
	 * Fails naming each WCAG 2.1 A/AA rule that axe-core finds violated on the current
	 * page, how often, and the first element.
	 */
	public void assertAccessible(String what) {
		assertThat(accessibilityViolations()).as(what + " " + driver.getCurrentUrl())
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().size() + "× "
					+ rule.getNodes().get(0).getHtml())
			.isEmpty();
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
