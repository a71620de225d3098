package de.pfd.grants.server.workspace.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The staff's money work in a real browser (headless Chromium), driven by the keyboard:
 * staff open the notice's PDF preview and issue it; staff certify a payout, the same
 * person's release is refused (four eyes), staff2 releases it; staff review a proof of
 * use with its receipts and uploads beside the approved plan, accept it, and book the
 * refund. Every page: axe-core 0 violations, no CSP complaint; screenshots
 * {@code workspace-money-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MoneyBrowserTest extends WorkspaceBrowserTestSupport {

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void staff_issue_the_notice_after_the_preview_and_two_different_people_certify_and_release_a_payout()
			throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(fund, year), "900.00");

		signInAs("staff");
		open("/bearbeitung/" + id + "/bescheid");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zuwendungsbescheid");
		HttpResponse<byte[]> preview = download(browser.driver.findElement(By.id("vorschau-pdf")).getAttribute("href"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(new String(preview.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		browser.assertNoViolations("the notice before it is issued");
		browser.screenshot("money-bescheid-vorschau");

		type("notice-reference", "ZB-" + year + "-21");
		press("notice-issue");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("erfolg")));
		assertThat(text("aktenzeichen")).isEqualTo("ZB-" + year + "-21");
		assertThat(text("bestaetigung")).isEqualTo("noch nicht bestätigt");
		browser.assertNoViolations("the notice issued");
		browser.screenshot("money-bescheid");

		Api.ok(this.api.post(applicant, Api.noticeConfirmation(id), null));
		Api.ok(this.api.post(applicant, Api.payoutRequests(id), "{\"amount\":400.00,\"purpose\":\"Honorar\"}"));
		browser.driver.findElement(By.linkText("Auszahlungen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("abruf-tabelle")));
		type("payout-amount", "400,00");
		setValue("payout-paidOn", LocalDate.now(PartnershipCalendar.ZONE).toString());
		type("payout-reference", "BANK-" + year);
		press("payout-certify");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("erfolg")));
		assertThat(text("bestaetigt-von-0")).startsWith("bestätigt von staff am");
		browser.assertNoViolations("a payout certified");

		// four eyes: the one who certified it is refused, in German, at the button
		press("release-0");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("release-0-error")));
		assertThat(text("release-0-error")).startsWith("Vier-Augen-Prinzip");
		assertThat(text("fehler")).contains("Freigabe");
		browser.assertNoViolations("the release refused");
		browser.screenshot("money-auszahlungen-vier-augen");

		signInAs("staff2");
		open("/bearbeitung/" + id + "/auszahlungen");
		press("release-0");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("erfolg")));
		assertThat(text("auszahlung-tabelle")).contains("400,00 €", "BANK-" + year, "staff2");
		assertThat(text("ausgezahlt")).isEqualTo("400,00 €");
		browser.assertNoViolations("the payout released");
		browser.screenshot("money-auszahlungen");
		browser.assertNoCspViolations();
	}

	@Test
	void staff_review_a_proof_of_use_with_receipts_and_uploads_accept_it_and_book_the_refund() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(fund, year), "900.00", "ZB-" + year);
		this.grants.payOut(applicant, id, "700.00");
		Api.Response uploaded = this.api.postFile(applicant,
				Api.application(id) + "/documents?kind=RECEIPT&fileName=Rechnung-Referentin.pdf", "application/pdf",
				PDF);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		Api.ok(this.api.post(applicant, Api.proofOfUse(id), Grants.proof(year)));

		signInAs("staff");
		open("/bearbeitung/" + id + "/verwendungsnachweis");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Verwendungsnachweis prüfen");
		assertThat(text("belege")).contains("Honorar Referentin", "-200,00 €");
		assertThat(text("summe-saldo")).isEqualTo("700,00 €");
		assertThat(text("plan-ist")).contains("Honorare", "1.200,00 €", "600,00 €", "-600,00 €");
		assertThat(browser.driver.findElement(By.linkText("Rechnung-Referentin.pdf")).getAttribute("href"))
			.contains("/antraege/" + id + "/unterlagen/");
		browser.assertNoViolations("the proof of use to review");
		browser.screenshot("money-verwendungsnachweis");

		// accepted without an amount: at the field, in the summary
		press("review-submit");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("review-amount-error")));
		browser.assertNoViolations("the review refused");
		type("review-amount", "500,00");
		type("review-note", "Flyer nicht förderfähig");
		assertThat(browser.driver.findElement(By.id("review-accept")).isSelected()).isTrue();
		press("review-submit");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("erfolg")));
		assertThat(text("endgueltig")).isEqualTo("500,00 €");
		assertThat(text("rueckforderung")).isEqualTo("200,00 €");
		assertThat(text("freigegeben")).isEqualTo("400,00 €");
		assertThat(text("status")).isEqualTo("Rückzahlung fällig");
		browser.assertNoViolations("the settlement");
		browser.screenshot("money-abrechnung");

		browser.driver.findElement(By.linkText("Rückzahlungen")).sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> {
			d.navigate().refresh();
			return !d.findElements(By.id("forderung-tabelle")).isEmpty();
		});
		assertThat(text("forderung-tabelle")).contains("Abrechnung des Verwendungsnachweises", "200,00 €");
		type("refund-amount", "200,00");
		setValue("refund-receivedOn", LocalDate.now(PartnershipCalendar.ZONE).toString());
		type("refund-reference", "UEB-" + year);
		press("refund-book");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("erfolg")));
		assertThat(text("rueckzahlung-tabelle")).contains("200,00 €", "UEB-" + year);
		browser.assertNoViolations("the refund booked");
		browser.screenshot("money-rueckzahlungen");

		browser.driver.findElement(By.linkText("Korrekturen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Korrekturen"));
		browser.assertNoViolations("the corrections");
		browser.screenshot("money-korrekturen");
		browser.assertNoCspViolations();
	}

	private static String text(String id) {
		return browser.driver.findElement(By.id(id)).getText();
	}

	/** Presses the button with the keyboard, as someone without a mouse does. */
	private static void press(String id) {
		browser.driver.findElement(By.id(id)).sendKeys(Keys.ENTER);
	}

	/** A link of the page, fetched with the browser's session. */
	private static HttpResponse<byte[]> download(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
