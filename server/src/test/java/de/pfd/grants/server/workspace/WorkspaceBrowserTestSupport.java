package de.pfd.grants.server.workspace;

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
 * The workspace's browser tests (members, staff, auditors): one headless Chromium per
 * test class (screenshots {@code workspace-*.png}), signed out before each test, on the
 * server's random port, in a Spring context of their own ({@link #CONTEXT}).
 */
public abstract class WorkspaceBrowserTestSupport extends ApiTestSupport {

	/**
	 * The workspace's tests (browser and page tests) share a Spring context of their own:
	 * a database of their own with all the test years ({@code TestYears} counts per
	 * context).
	 */
	public static final String CONTEXT = "grants.test.context=workspace";

	protected static Browser browser;

	protected String base;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start("workspace");
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

	protected static void wait(ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(condition);
	}

	/** Signs in with the password {@code demo} through the sign-in page. */
	protected void signInAs(String user) {
		browser.driver.manage().deleteAllCookies();
		browser.driver.get(this.base + "/login");
		browser.driver.findElement(By.id("username")).sendKeys(user);
		browser.driver.findElement(By.id("password")).sendKeys("demo", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));
	}

	/** Opens a page of this server (a path such as {@code /aufgaben}). */
	protected void open(String path) {
		browser.driver.get(this.base + path);
	}

	protected static void type(String id, String text) {
		browser.driver.findElement(By.id(id)).clear();
		browser.driver.findElement(By.id(id)).sendKeys(text);
	}

	/** A date or datetime input's value (what the browser's picker would set). */
	protected static void setValue(String id, String value) {
		browser.driver.executeScript("arguments[0].value = arguments[1]", browser.driver.findElement(By.id(id)), value);
	}

}
