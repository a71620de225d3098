package de.pfd.grants.server.portal;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Browser;

/**
 * The portal's browser tests: one headless Chromium per test class (screenshots
 * {@code portal-*.png}), signed out before each test, on the server's random port.
 */
abstract class PortalBrowserTestSupport extends ApiTestSupport {

	static Browser browser;

	String base;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start("portal");
	}

	@AfterAll
	static void stopBrowser() {
		Browser.stop(browser);
	}

	@BeforeEach
	void signedOut() {
		this.base = "http://127.0.0.1:" + this.port;
		browser.driver.manage().deleteAllCookies();
	}

	static void wait(ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(condition);
	}

}
