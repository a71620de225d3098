package de.pfd.grants.server.portal;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Browser;

/**
 * The portal's browser tests: one headless Chromium per test class (screenshots
 * {@code portal-*.png}), signed out before each test, on the server's random port.
 */
public abstract class PortalBrowserTestSupport extends ApiTestSupport {

	/**
	 * The portal's tests share a Spring context of their own (a database of their own):
	 * the hourly limit of mail requests per client (all tests come from 127.0.0.1) is
	 * used up by the throttle tests in the shared one, and the years for test funds are
	 * counted per context ({@code TestYears}), so both contexts have all of them.
	 */
	public static final String CONTEXT = "grants.test.context=portal";

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

	/** Signs in with the password {@code demo} through the sign-in page. */
	void signIn(String user) {
		browser.driver.get(this.base + "/login");
		browser.driver.findElement(By.id("username")).sendKeys(user);
		browser.driver.findElement(By.id("password")).sendKeys("demo", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));
	}

	static void type(String id, String text) {
		browser.driver.findElement(By.id(id)).sendKeys(text);
	}

	/** A date input's value (what the browser's date picker would set). */
	static void setDate(String id, String isoDate) {
		browser.driver.executeScript("arguments[0].value = arguments[1]", browser.driver.findElement(By.id(id)),
				isoDate);
	}

}
