package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Browser;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;

/**
 * The sign-in page and the pages behind the links of account mails in a real browser
 * (headless Chromium): signed in with the keyboard alone, a new password set with it, no
 * accessibility violations (axe-core, WCAG 2.1 A and AA) on the form, on the form with an
 * error and on the start page, and no complaint of the Content Security Policy.
 * Screenshots go to {@code target/screenshots}. Needs Debian's {@code chromium} and
 * {@code chromium-driver}; skipped without them unless
 * {@code GRANTS_TEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInBrowserTest extends ApiTestSupport {

	private static Browser chromium;

	private static ChromeDriver browser;

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	private String base;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Browser.start("sign-in");
		browser = chromium.driver;
	}

	@AfterAll
	static void stopBrowser() {
		Browser.stop(chromium);
	}

	@BeforeEach
	void signedOut() {
		this.base = "http://127.0.0.1:" + this.port;
		browser.manage().deleteAllCookies();
	}

	@Test
	void signing_in_with_the_keyboard_alone_leads_to_the_start_page() throws IOException {
		String user = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create("Tastatur-2026");
		browser.get(this.base + "/login");
		screenshot("login");

		// from the top of the page: the skip link first, followed past the navigation,
		// then the name, the password, the button
		Actions keys = new Actions(browser);
		keys.sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("href")).as(focused().getTagName() + " " + focused().getText())
			.endsWith("#inhalt");
		keys.sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("id")).isEqualTo("username");
		keys.sendKeys(user).sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("id")).isEqualTo("password");
		keys.sendKeys("falsch").sendKeys(Keys.ENTER).perform();

		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("anmeldung-fehler")));
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(user);
		assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby"))
			.isEqualTo("anmeldung-fehler");
		assertNoViolations("the form with an error");
		screenshot("login-error");

		browser.findElement(By.id("password")).click();
		new Actions(browser).sendKeys("Tastatur-2026").sendKeys(Keys.ENTER).perform();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));
		assertThat(browser.getCurrentUrl()).isEqualTo(this.base + "/");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Angemeldet als").contains(user);
		assertNoViolations("the start page");
		screenshot("start");
		assertNoCspViolations();
	}

	@Test
	void the_sign_in_page_has_no_accessibility_violations() throws IOException {
		browser.get(this.base + "/login");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(browser.getTitle()).startsWith("Anmelden");
		// the design system's own font comes from the server itself
		Object loaded = browser.executeAsyncScript(
				"const done = arguments[0]; document.fonts.ready.then(() => done(document.fonts.check('16px \"Fira Sans\"')))");
		assertThat(loaded).isEqualTo(true);
		assertNoViolations("the sign-in form");
		assertNoCspViolations();
	}

	/**
	 * The pages behind a reset link: the password form, reached and used with the
	 * keyboard alone, a refused password shown at the field, the saved page; no
	 * accessibility violations on any of them.
	 */
	@Test
	void a_reset_link_leads_to_a_password_form_usable_with_the_keyboard_alone() throws IOException {
		String address = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		assertThat(this.api.post(null, "/api/registrations", "{\"email\":\"" + address
				+ "\",\"password\":\"Lindenblatt-Herbst-77\",\"displayName\":\"Browser\",\"partnershipId\":\"kreis-mettmann\"}")
			.status()).isEqualTo(202);
		browser.get(this.base + "/konto/bestaetigen?token=" + tokenMailedTo(address));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("E-Mail-Adresse bestätigt");
		assertNoViolations("the confirmation page");

		browser.get(this.base + "/konto/passwort-vergessen");
		assertNoViolations("the form asking for a reset");
		browser.findElement(By.id("email")).sendKeys(address, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/konto/passwort-vergessen?gesendet"));

		browser.get(this.base + "/konto/passwort?token=" + tokenMailedTo(address));
		assertNoViolations("the password form");
		screenshot("reset-form");
		Actions keys = new Actions(browser);
		keys.sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("href")).endsWith("#inhalt");
		keys.sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("id")).isEqualTo("password");
		keys.sendKeys("password1234").sendKeys(Keys.ENTER).perform();

		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
		assertThat(browser.getTitle()).startsWith("Fehler:");
		assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
		assertNoViolations("the password form with an error");
		screenshot("reset-error");

		browser.findElement(By.id("password")).click();
		new Actions(browser).sendKeys("Kastanienallee-Regen-18").sendKeys(Keys.ENTER).perform();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/konto/passwort-gespeichert"));
		assertNoViolations("the saved page");
		screenshot("reset-saved");
		assertNoCspViolations();
		assertThat(this.api.get(address + ":Kastanienallee-Regen-18", "/api/account").status()).isEqualTo(200);
	}

	private String tokenMailedTo(String address) {
		String mail = this.jdbc.queryForObject(
				"SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", String.class, address);
		return mail.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
	}

	private static WebElement focused() {
		return chromium.focused();
	}

	private static void assertNoViolations(String page) {
		chromium.assertNoViolations(page);
	}

	private static void assertNoCspViolations() {
		chromium.assertNoCspViolations();
	}

	private static void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}

}
