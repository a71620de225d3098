package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The money of an approved grant in a real browser (headless Chromium): the applicant
 * downloads and confirms the grant notice, requests too much and then a payout, staff pay
 * it out with four eyes, and the applicant submits the proof of use with receipts and an
 * income row while the sums follow (htmx). Every page: axe-core 0 violations, no CSP
 * complaint; screenshots {@code portal-bescheid}, {@code -auszahlung},
 * {@code -verwendung}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class GrantBrowserTest extends PortalBrowserTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void an_applicant_confirms_the_notice_requests_money_and_submits_the_proof_of_use() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(fund, year), "900.00");
		this.grants.issueNotice(id, "ZB-" + year + "-9");

		signIn(applicant);
		browser.driver.get(this.base + "/antraege/" + id);
		assertThat(browser.driver.getPageSource()).contains("id=\"bescheid-pdf\"");
		String pdf = browser.driver.findElement(By.id("bescheid-pdf")).getAttribute("href");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(pdf))
				.header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(new String(download.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		browser.assertNoViolations("the notice on the application page");
		scrollTo("bescheid");
		browser.screenshot("bescheid");

		press("bescheid-bestaetigen");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("bestaetigt")));
		assertThat(browser.driver.findElement(By.id("abrufbar")).getText()).isEqualTo("Noch abrufbar: 900,00 €");

		// too much first: refused at the field and in the summary, the value kept
		type("payout-amount", "1.000,00");
		type("payout-purpose", "Honorar der Referentin");
		press("abrufen");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("payout-amount-error")));
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Abzurufender Betrag (Euro)",
				"900,00 Euro");
		assertThat(browser.driver.findElement(By.id("payout-amount")).getAttribute("value")).isEqualTo("1.000,00");
		browser.assertNoViolations("the payout request refused");
		browser.driver.findElement(By.id("payout-amount")).clear();
		type("payout-amount", "400,00");
		press("abrufen");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("abgerufen")));

		// staff pay it out: one certifies, another releases
		this.grants.payOutWithFourEyes(id, Grants.payout("400.00", LocalDate.now(PartnershipCalendar.ZONE), "Abruf 1"));
		browser.driver.get(this.base + "/antraege/" + id + "#auszahlung");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("auszahlungen")));
		assertThat(browser.driver.findElement(By.id("auszahlungen")).getText()).contains("400,00 €",
				DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now(PartnershipCalendar.ZONE).plusWeeks(6)));
		browser.assertNoViolations("the payouts");
		scrollTo("auszahlung");
		browser.screenshot("auszahlung");

		// the proof of use: the sums follow what is typed (htmx), a row more without JS
		type("proof-report", "Drei Workshops mit 45 Jugendlichen.");
		setDate("receipts-0-date", year + "-05-10");
		select("receipts-0-category", "Honorare");
		type("receipts-0-description", "Honorar Referentin");
		type("receipts-0-amount", "600,00");
		wait(ExpectedConditions.textToBe(By.id("summe-ausgaben"), "600,00 €"));
		setDate("receipts-1-date", year + "-05-12");
		select("receipts-1-category", "Material");
		type("receipts-1-amount", "300");
		setDate("income-0-date", year + "-06-01");
		type("income-0-description", "Teilnahmebeiträge");
		type("income-0-amount", "200,00");
		wait(ExpectedConditions.textToBe(By.id("summe-saldo"), "700,00 €"));
		assertThat(browser.driver.findElement(By.id("summe-einnahmen")).getText()).isEqualTo("200,00 €");
		press("zeile-beleg");
		wait(ExpectedConditions.presenceOfElementLocated(By.id("receipts-3-date")));
		assertThat(browser.driver.findElement(By.id("receipts-1-amount")).getAttribute("value")).isEqualTo("300");
		assertThat(browser.driver.findElement(By.id("summe-saldo")).getText()).isEqualTo("700,00 €");
		browser.assertNoViolations("the proof-of-use form");
		scrollTo("verwendung");
		browser.screenshot("verwendung");

		press("nachweis-einreichen");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("nachweis-eingereicht")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Verwendungsnachweis eingereicht");
		assertThat(browser.driver.findElement(By.id("belege-eingereicht")).getText()).contains("Honorar Referentin",
				"-200,00 €");
		browser.assertNoViolations("the proof of use submitted");
		browser.assertNoCspViolations();
	}

	private static void select(String id, String text) {
		WebElement select = browser.driver.findElement(By.id(id));
		new org.openqa.selenium.support.ui.Select(select).selectByVisibleText(text);
	}

	/** Presses the button with the keyboard, as someone without a mouse does. */
	private static void press(String id) {
		browser.driver.findElement(By.id(id)).sendKeys(Keys.ENTER);
	}

	private static void scrollTo(String id) {
		browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
				browser.driver.findElement(By.id(id)));
	}

}
