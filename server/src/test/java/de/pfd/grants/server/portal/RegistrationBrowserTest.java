package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Registration in a real browser (headless Chromium), from the start page through the
 * mailed link to the sign-in: axe-core 0 violations, no CSP complaint, screenshots
 * ({@code portal-register*.png}). In the portal's context
 * ({@link PortalBrowserTestSupport#CONTEXT}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class RegistrationBrowserTest extends PortalBrowserTestSupport {

	@Test
	void a_visitor_registers_confirms_the_address_by_the_mailed_link_and_signs_in() throws IOException {
		String address = "neu-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		browser.driver.get(this.base + "/");
		// with the keyboard: the link focused, Enter follows it
		browser.driver.findElement(By.linkText("Registrieren")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("displayName")));
		browser.assertNoViolations("the registration form");
		browser.screenshot("register");

		// a common password is refused at its field, with the summary on top; the
		// values typed are kept
		browser.driver.findElement(By.id("displayName")).sendKeys("Erika Muster");
		browser.driver.findElement(By.id("email")).sendKeys(address);
		browser.driver.findElement(By.id("password")).sendKeys("passwort1234", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(browser.driver.findElement(By.id("password-error")).getText()).isNotBlank();
		assertThat(browser.driver.findElement(By.id("password")).getAttribute("aria-describedby"))
			.contains("password-error");
		assertThat(browser.driver.findElement(By.id("email")).getAttribute("value")).isEqualTo(address);
		assertThat(browser.driver.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Erika Muster");
		browser.assertNoViolations("the registration form with an error");
		browser.screenshot("register-error");

		browser.driver.findElement(By.id("password")).sendKeys("Lindenblüte-Regen-27", Keys.ENTER);
		wait(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("registrierung-gesendet")),
				ExpectedConditions.visibilityOfElementLocated(By.id("fehler"))));
		assertThat(browser.driver.findElements(By.id("fehler")).stream().map(e -> e.getText()).toList()).as("refusals")
			.isEmpty();
		browser.assertNoViolations("the registration sent");
		browser.screenshot("register-sent");

		String mail = this.jdbc.queryForObject(
				"SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", String.class, address);
		String token = mail.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
		browser.driver.get(this.base + "/konto/bestaetigen?token=" + token);
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("E-Mail-Adresse bestätigt");

		browser.driver.get(this.base + "/login");
		browser.driver.findElement(By.id("username")).sendKeys(address);
		browser.driver.findElement(By.id("password")).sendKeys("Lindenblüte-Regen-27", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));
		assertThat(browser.driver.findElement(By.id("angemeldet")).getText()).isEqualTo("Erika Muster");
		browser.driver.findElement(By.linkText("Meine Anträge")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("keine-antraege")));
		browser.assertNoViolations("Meine Anträge, still empty");
		browser.assertNoCspViolations();
	}

}
