package de.pfd.grants.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real headless Chromium for the browser tests (one per test class), with the checks
 * every page gets: no accessibility violation (axe-core, WCAG 2.1 A and AA), no complaint
 * of the Content Security Policy, and a screenshot under {@code target/screenshots}.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; the tests are skipped
 * without them unless {@code GRANTS_TEST_REQUIRE_BROWSER=true}.
 */
public final class Browser {

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	public final ChromeDriver driver;

	private final ChromeDriverService service;

	private final String screenshotPrefix;

	private Browser(ChromeDriver driver, ChromeDriverService service, String screenshotPrefix) {
		this.driver = driver;
		this.service = service;
		this.screenshotPrefix = screenshotPrefix;
	}

	/** Starts Chromium; screenshots are named {@code <prefix>-<name>.png}. */
	public static Browser start(String screenshotPrefix) throws IOException {
		boolean present = DRIVER.canExecute() && CHROMIUM.canExecute();
		if (!present && Boolean.parseBoolean(System.getenv("GRANTS_TEST_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("chromium and chromium-driver are required (GRANTS_TEST_REQUIRE_BROWSER)");
		}
		assumeTrue(present, "no chromium/chromium-driver: apt-get install -y chromium chromium-driver");
		Path profile = Files.createDirectories(Path.of("target", "chromium-profile-" + UUID.randomUUID()));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-features=PasswordLeakDetection,Translate", "--window-size=1280,900", "--lang=de-DE",
				"--user-data-dir=" + profile.toAbsolutePath());
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs",
				Map.of("credentials_enable_service", false, "profile.password_manager_enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, service, screenshotPrefix);
	}

	/** Stops a browser that may not have started (the tests were skipped). */
	public static void stop(Browser browser) {
		if (browser != null) {
			browser.driver.quit();
			browser.service.stop();
		}
	}

	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	public void assertNoViolations(String page) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(this.driver);
		List<Rule> violations = results.getViolations();
		assertThat(violations)
			.as(page + ": "
					+ violations.stream().map(v -> v.getId() + " " + v.getNodes()).collect(Collectors.joining("; ")))
			.isEmpty();
		assertThat(results.getPasses()).as("axe ran").isNotEmpty();
	}

	public void assertNoCspViolations() {
		List<String> refused = this.driver.manage()
			.logs()
			.get("browser")
			.getAll()
			.stream()
			.map(entry -> entry.getMessage())
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).isEmpty();
	}

	public void screenshot(String name) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(),
				dir.resolve(this.screenshotPrefix + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
