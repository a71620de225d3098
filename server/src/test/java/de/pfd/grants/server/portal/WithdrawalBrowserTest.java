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
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * An application returned for revision shows the staff's note on top of its page; the
 * applicant withdraws it there with the keyboard (a page that says what it means, a
 * reason too long is refused at its field with the text kept); after a payout the page no
 * longer offers it and the domain refuses it. Another applicant's withdrawal page is not
 * found. axe-core 0 violations, screenshots {@code portal-withdrawal*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class WithdrawalBrowserTest extends PortalBrowserTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void a_returned_application_shows_its_note_and_is_withdrawn_with_a_reason() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		TestAccounts accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
		String applicant = accounts.create(Role.APPLICANT);
		String id = this.applications.submitted(applicant, Drafts.complete(fund, year));
		this.api.post("staff", Api.formalCheck(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"Bitte ergänzen Sie ein zweites Angebot für die Honorare.\"}");
		String other = accounts.create(Role.APPLICANT);
		assertThat(this.api.get(other, "/antraege/" + id + "/zurueckziehen").status()).isEqualTo(404);
		assertThat(this.api.get("staff", "/antraege/" + id + "/zurueckziehen").status()).isEqualTo(403);

		signIn(applicant);
		browser.driver.get(this.base + "/antraege/" + id);
		assertThat(browser.driver.findElement(By.id("ueberarbeiten-hinweis")).getText())
			.isEqualTo("Bitte ergänzen Sie ein zweites Angebot für die Honorare.");
		assertThat(browser.driver.findElement(By.id("einreichen")).getText()).isEqualTo("Erneut einreichen");
		browser.assertNoViolations("the application returned for revision");
		browser.screenshot("withdrawal-returned");

		browser.driver.findElement(By.id("zurueckziehen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
		browser.assertNoViolations("the withdrawal page");
		browser.screenshot("withdrawal");
		// longer than the API allows: refused at the field, the text kept, nothing
		// changed
		String tooLong = "x".repeat(2001);
		browser.driver.executeScript("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1]",
				browser.driver.findElement(By.id("reason")), tooLong);
		browser.driver.findElement(By.id("zurueckziehen-bestaetigen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(browser.driver.findElement(By.id("reason-error")).getText()).isNotBlank();
		assertThat(browser.driver.findElement(By.id("reason")).getAttribute("aria-describedby"))
			.contains("reason-error");
		assertThat(browser.driver.findElement(By.id("reason")).getAttribute("value")).isEqualTo(tooLong);
		assertThat(this.applications.status(applicant, id)).isEqualTo("RETURNED_FOR_REVISION");
		browser.assertNoViolations("the withdrawal page with an error");

		browser.driver.findElement(By.id("reason")).clear();
		browser.driver.findElement(By.id("reason")).sendKeys("Das Projekt findet nicht statt.");
		browser.driver.findElement(By.id("zurueckziehen-bestaetigen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("zurueckgezogen")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Zurückgezogen");
		assertThat(browser.driver.findElement(By.id("verlauf-tabelle")).getText())
			.contains("Das Projekt findet nicht statt.");
		assertThat(browser.driver.findElements(By.id("zurueckziehen"))).isEmpty();
		assertThat(this.applications.status(applicant, id)).isEqualTo("WITHDRAWN");
		browser.assertNoCspViolations();
	}

	@Test
	void after_a_payout_the_page_no_longer_offers_it_and_the_domain_refuses_it() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(fund, year), "900.00", "ZB-W" + year);
		this.grants.payOut(applicant, id, "400.00");

		signIn(applicant);
		// the page for what is not there (or not the user's): checked like every page
		browser.driver.get(this.base + "/antraege/" + Applications.UNKNOWN + "/zurueckziehen");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Seite nicht gefunden");
		browser.assertNoViolations("the page not found");
		browser.driver.get(this.base + "/antraege/" + id);
		assertThat(browser.driver.findElements(By.id("zurueckziehen"))).isEmpty();
		browser.driver.get(this.base + "/antraege/" + id + "/zurueckziehen");
		browser.driver.findElement(By.id("zurueckziehen-bestaetigen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Auszahlung");
		assertThat(this.applications.status(applicant, id)).isEqualTo("APPROVED");
	}

}
