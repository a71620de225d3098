package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * The portal in a real browser (headless Chromium): a visitor reads the start page and
 * switches to English and back, signs in with the keyboard, and follows an approved and
 * paid-out application from "Meine Anträge" to its page. Every page: axe-core 0
 * violations (WCAG 2.1 A/AA), no CSP complaint, a screenshot ({@code portal-*.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class PortalBrowserTest extends PortalBrowserTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void a_visitor_reads_the_start_page_in_german_and_in_english() throws IOException {
		browser.driver.get(this.base + "/");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Fördermittel für Projekte für Demokratie");
		assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(browser.driver.findElements(By.cssSelector("table caption"))).isNotEmpty();
		browser.assertNoViolations("the visitor's start page");
		browser.screenshot("start-visitor");

		browser.driver.findElement(By.linkText("English")).click();
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Grants for projects for democracy"));
		assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.assertNoViolations("the visitor's start page in English");
		browser.screenshot("start-visitor-en");
		// the choice is kept
		browser.driver.get(this.base + "/login");
		browser.driver.get(this.base + "/");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Grants for projects for democracy");
		browser.driver.findElement(By.linkText("Deutsch")).click();
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Fördermittel für Projekte für Demokratie"));
		browser.assertNoCspViolations();
	}

	@Test
	void an_applicant_signs_in_with_the_keyboard_and_follows_the_application() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(fund, year), "900.00", "ZB-" + year);
		this.grants.payOut(applicant, id, "400.00");

		browser.driver.get(this.base + "/");
		browser.driver.findElement(By.linkText("Anmelden")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.driver.findElement(By.id("username")).click();
		new Actions(browser.driver).sendKeys(applicant)
			.sendKeys(Keys.TAB)
			.sendKeys("demo")
			.sendKeys(Keys.ENTER)
			.perform();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("zu-den-antraegen")));
		browser.assertNoViolations("the signed-in start page");
		browser.screenshot("start-signed-in");

		// to "Meine Anträge" with the keyboard: the link has the focus, Enter follows it
		browser.driver.findElement(By.id("zu-den-antraegen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("antraege")));
		String row = browser.driver.findElement(By.id("antraege")).getText();
		assertThat(row).contains("Demokratiewerkstatt", "Bewilligt", "Verwendungsnachweis bis", "Mittel verwenden bis");
		browser.assertNoViolations("Meine Anträge");
		browser.screenshot("applications");

		browser.driver.findElement(By.linkText("Demokratiewerkstatt")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("verlauf-tabelle")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Bewilligt");
		assertThat(browser.driver.findElement(By.id("bewilligt")).getText()).isEqualTo("900,00 €");
		assertThat(browser.driver.findElement(By.id("ausgezahlt")).getText()).isEqualTo("400,00 €");
		assertThat(browser.driver.findElement(By.id("verlauf-tabelle")).getText()).contains("Eingereicht",
				"Bereit zur Entscheidung", "Bewilligt");
		browser.assertNoViolations("the application page");
		browser.screenshot("application");
		browser.assertNoCspViolations();
	}

	@Test
	void an_applicant_fills_in_the_form_step_by_step_is_shown_each_refusal_at_its_field_and_submits()
			throws IOException {
		int year = TestYears.nextInTheFuture();
		this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		signIn(applicant);
		browser.driver.get(this.base + "/antraege");
		browser.driver.findElement(By.id("neuer-antrag")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fundId")));
		browser.assertNoViolations("the first step of a new application");
		browser.screenshot("form-new");

		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("fundId")))
			.selectByVisibleText("Aktionsfonds " + year);
		type("organisation", "Kulturkreis Test e.V.");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("legalForm")))
			.selectByValue("REGISTERED_ASSOCIATION");
		next();

		wait(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
		type("title", "Demokratie-Werkstatt <b>2027</b>");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("actionField")))
			.selectByValue("DEMOCRACY_PROMOTION");
		browser.driver.findElement(By.id("targetGroup-YOUTH")).sendKeys(Keys.SPACE);
		setDate("startDate", year + "-05-01");
		setDate("endDate", year + "-09-30");
		next();

		wait(ExpectedConditions.visibilityOfElementLocated(By.id("contactName")));
		type("contactName", "Erika Muster");
		type("email", "erika@example.org");
		type("address", "Markt 1, 40822 Mettmann");
		next();

		wait(ExpectedConditions.visibilityOfElementLocated(By.id("costs-0-kind")));
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("costs-0-kind")))
			.selectByValue("FEES");
		type("costs-0-description", "Honorare");
		type("costs-0-amount", "1.200,00");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("costs-1-kind")))
			.selectByValue("MATERIAL");
		type("costs-1-amount", "12,3x");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("income-0-kind")))
			.selectByValue("OWN_FUNDS");
		type("income-0-amount", "150,50");
		next();

		// the amount that is not one: refused at its field and in the summary, values
		// kept, nothing saved
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(browser.driver.findElement(By.id("schritt-von")).getText()).isEqualTo("Schritt 4 von 6");
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Kostenbetrag, Zeile 2");
		assertThat(browser.driver.findElement(By.id("costs-1-amount-error")).getText()).contains("Betrag in Euro");
		assertThat(browser.driver.findElement(By.id("costs-1-amount")).getAttribute("value")).isEqualTo("12,3x");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM application_view WHERE owner = ? AND requested_amount IS NOT NULL", Integer.class,
				applicant))
			.isZero();
		browser.assertNoViolations("the plan with an error");
		browser.screenshot("form-error");

		browser.driver.findElement(By.id("costs-1-amount")).clear();
		type("costs-1-amount", "250,50");
		// without JavaScript's live sums: the button saves and shows them
		browser.driver.findElement(By.id("summen-berechnen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		// computed, not typed: 1,200.00 + 250.50 - 150.50
		assertThat(browser.driver.findElement(By.id("requestedAmount")).getText()).isEqualTo("1.300,00 €");
		next();

		// the declarations: all of them before the review
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("declaration-NO_EARLY_START")));
		next();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("declarations-error")));
		assertThat(browser.driver.findElement(By.id("fehler")).getText())
			.contains("Erklärungen: Bitte bestätigen Sie alle Erklärungen.");
		browser.assertNoViolations("the declarations with an error");
		for (String declaration : java.util.List.of("NO_EARLY_START", "COMPLETE_AND_TRUE", "PRIVACY_NOTICE_READ")) {
			browser.driver.findElement(By.id("declaration-" + declaration)).sendKeys(Keys.SPACE);
		}
		next();

		// the summary is missing: the submission is refused, each problem linked to its
		// step and field
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("einreichen")));
		assertThat(browser.driver.findElement(By.id("pruefen-titel")).getText())
			.isEqualTo("Demokratie-Werkstatt <b>2027</b>");
		assertThat(browser.driver.findElement(By.id("pruefen-beantragt")).getText()).isEqualTo("1.300,00 €");
		browser.driver.findElement(By.id("einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Kurzbeschreibung: Pflichtangabe");
		browser.assertNoViolations("the refused submission");
		browser.screenshot("form-submission-refused");
		browser.driver.findElement(By.partialLinkText("Kurzbeschreibung")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
		assertThat(browser.driver.getCurrentUrl()).contains("schritt=projekt").endsWith("#summary");
		assertThat(browser.driver.findElement(By.id("title")).getAttribute("value"))
			.isEqualTo("Demokratie-Werkstatt <b>2027</b>");
		type("summary", "Workshops für Jugendliche");
		browser.driver.findElement(By.id("speichern")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		browser.driver.findElement(By.partialLinkText("Prüfen und einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("einreichen")));
		browser.driver.findElement(By.id("einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eingereicht")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Eingereicht");
		assertThat(browser.driver.findElement(By.id("titel")).getText()).isEqualTo("Demokratie-Werkstatt <b>2027</b>");
		browser.assertNoViolations("the submitted application");
		browser.screenshot("form-submitted");
		browser.assertNoCspViolations();
	}

	/**
	 * The warning is the browser's own dialog, which the driver answers by itself on a
	 * navigation: the test asks the page whether it would warn (a beforeunload event it
	 * refuses).
	 */
	@Test
	void leaving_a_step_with_unsaved_changes_warns_and_saving_does_not() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.applications.draft(applicant, Drafts.complete(fund, year));
		signIn(applicant);
		browser.driver.get(this.base + "/antraege/" + id + "/bearbeiten?schritt=projekt");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
		assertThat(browser.driver.findElement(By.cssSelector("form[data-warn-unsaved]"))).isNotNull();
		assertThat(wouldWarn()).as("nothing typed yet").isFalse();

		type("title", " 2");
		assertThat(wouldWarn()).as("the typed title would be lost").isTrue();

		// saving is no loss
		browser.driver.findElement(By.id("speichern")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		assertThat(wouldWarn()).as("saved").isFalse();
		assertThat(browser.driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Demokratiewerkstatt 2");
	}

	private static boolean wouldWarn() {
		return (Boolean) browser.driver.executeScript("var e = new Event('beforeunload', {cancelable: true});"
				+ " window.dispatchEvent(e); return e.defaultPrevented;");
	}

	private static void next() {
		browser.driver.findElement(By.id("weiter")).sendKeys(Keys.ENTER);
	}

}
