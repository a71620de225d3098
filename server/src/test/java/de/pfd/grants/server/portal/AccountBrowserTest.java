package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * "Mein Konto" in a real browser (headless Chromium), reached by the keyboard from the
 * page frame's link: a token is made (its secret shown once) and revoked, a refusal is
 * shown at its field and in the summary; axe-core 0 violations on each state, no CSP
 * complaint, screenshots {@code portal-konto*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class AccountBrowserTest extends PortalBrowserTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void an_applicant_makes_a_token_sees_it_once_and_revokes_it() throws IOException {
		TestAccounts accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
		String applicant = accounts.create(Role.APPLICANT);
		accounts.verifyEmail(applicant);
		Api.created(this.api.post(applicant, "/api/organisations", "{\"legalForm\":\"PRIVATE_PERSON\"}"));
		browser.driver.get(this.base + "/login");
		browser.driver.findElement(By.id("username")).sendKeys(applicant);
		browser.driver.findElement(By.id("password")).sendKeys("demo", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.linkText("Mein Konto")));

		browser.driver.findElement(By.linkText("Mein Konto")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("konto-tokens")));
		assertThat(browser.driver.getTitle()).startsWith("Mein Konto");
		assertThat(browser.driver.findElement(By.id("konto-email")).getText()).isEqualTo(applicant + "@example.org");
		assertThat(browser.driver.findElement(By.id("organisationen")).getText()).contains("Privatperson");
		browser.assertNoViolations("the account page");
		browser.screenshot("konto");

		// a token without a name: refused at its field and in the summary
		browser.driver.findElement(By.id("tokenName")).sendKeys(" ", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(browser.driver.findElement(By.id("tokenName-error")).getText()).isNotBlank();
		assertThat(browser.driver.findElement(By.id("tokenName")).getAttribute("aria-describedby"))
			.contains("tokenName-error");
		browser.assertNoViolations("the account page with an error");
		browser.screenshot("konto-error");

		browser.driver.findElement(By.id("tokenName")).clear();
		browser.driver.findElement(By.id("tokenName")).sendKeys("Auswertung", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("token-secret")));
		String secret = browser.driver.findElement(By.id("token-secret")).getText();
		assertThat(secret).startsWith("pfd_");
		assertThat(this.api.getWithBearer(secret, "/api/funds").status()).isEqualTo(200);
		assertThat(browser.driver.findElement(By.id("tokens")).getText()).contains("Auswertung");
		browser.assertNoViolations("the account page with a new token");
		browser.screenshot("konto-token");

		browser.driver.findElement(By.cssSelector("#tokens button[type=submit]")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("token-widerrufen")));
		assertThat(browser.driver.findElements(By.id("tokens"))).isEmpty();
		assertThat(browser.driver.getPageSource()).doesNotContain(secret);
		assertThat(this.api.getWithBearer(secret, "/api/funds").status()).isEqualTo(401);
		browser.assertNoViolations("the account page after the revocation");
		browser.screenshot("konto-revoked");
		browser.assertNoCspViolations();
	}

}
