package de.pfd.grants.server.workspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Staff in Chromium: the inbox shows a submitted application with its age; staff open it,
 * return it with a note and later accept it at the formal check with the keyboard only,
 * and it leaves the formal checks of the inbox; a certified payout waits in the inbox for
 * its release by a second person; the fast track decides in German notation. Every page
 * passes axe-core (WCAG 2.1 A/AA) with no violation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class InboxBrowserTest extends WorkspaceBrowserTestSupport {

	private static WebElement row(String kind, String application) {
		return browser.driver
			.findElement(By.cssSelector("#tabelle-" + kind + " tr[data-application='" + application + "']"));
	}

	private static boolean listed(String kind, String application) {
		return !browser.driver
			.findElements(By.cssSelector("#tabelle-" + kind + " tr[data-application='" + application + "']"))
			.isEmpty();
	}

	private static void press(WebElement element, CharSequence key) {
		element.sendKeys(key);
	}

	@Test
	void staff_check_a_submitted_application_from_the_inbox_with_the_keyboard() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.submitted("applicant3", Drafts.unrelated(fund, year));

		signInAs("staff");
		open("/aufgaben");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Aufgaben");
		WebElement waiting = row("FORMAL_CHECK", id);
		assertThat(waiting.findElement(By.className("grants-inbox-age")).getText()).isEqualTo("heute");
		assertThat(waiting.getText()).contains("Demokratiewerkstatt", "Jugendtreff Erkrath", "Aktionsfonds " + year);
		browser.assertNoViolations("inbox");
		browser.screenshot("inbox-aufgaben");

		// the title leads to the office's page of the application
		press(waiting.findElement(By.cssSelector("th a")), Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Demokratiewerkstatt"));
		assertThat(browser.driver.findElement(By.id("status")).getText()).contains("Eingereicht");
		browser.assertNoViolations("casework application");
		browser.screenshot("casework-antrag");

		press(browser.driver.findElement(By.cssSelector("a[href$='/formalpruefung']")), Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Formale Prüfung"));
		assertThat(browser.driver.findElement(By.id("regel-hoechstgrenze")).getText()).contains("5.000,00");
		browser.assertNoViolations("formal check");
		browser.screenshot("casework-formalpruefung");

		// return without a note: refused at the note, the choice kept
		press(browser.driver.findElement(By.id("outcome-RETURNED")), Keys.SPACE);
		press(browser.driver.findElement(By.id("pruefung-speichern")), Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("note-error")));
		assertThat(browser.driver.findElement(By.id("outcome-RETURNED")).isSelected()).isTrue();
		browser.assertNoViolations("formal check refused");
		browser.screenshot("casework-formalpruefung-fehler");
		// the summary's link leads to the note
		press(browser.driver.findElement(By.cssSelector("#fehler a[href='#note']")), Keys.ENTER);
		assertThat(browser.focused().getAttribute("id")).isEqualTo("note");
		browser.focused().sendKeys("Bitte drei Angebote für die Honorare hochladen.");
		press(browser.driver.findElement(By.id("pruefung-speichern")), Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("geprueft")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).contains("Zur Überarbeitung zurückgegeben");
		assertThat(browser.driver.findElement(By.id("verlauf-liste")).getText())
			.contains("Bitte drei Angebote für die Honorare hochladen.");
		browser.screenshot("casework-zurueckgegeben");

		open("/aufgaben");
		assertThat(listed("FORMAL_CHECK", id)).isFalse();

		// revised and submitted again: back in the inbox, accepted this time
		Api.ok(this.api.post("applicant3", Api.submission(id), null));
		open("/aufgaben");
		press(row("FORMAL_CHECK", id).findElement(By.cssSelector("a[href$='/formalpruefung']")), Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Formale Prüfung"));
		press(browser.driver.findElement(By.id("outcome-ACCEPTED")), Keys.SPACE);
		press(browser.driver.findElement(By.id("pruefung-speichern")), Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("geprueft")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).contains("Bereit zur Entscheidung");

		open("/aufgaben");
		assertThat(listed("FORMAL_CHECK", id)).isFalse();
		assertThat(listed("OPEN_VOTE", id)).isTrue();
		browser.assertNoCspViolations();
	}

	@Test
	void a_certified_payout_waits_in_the_inbox_for_a_second_person() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.grants.confirmed("applicant3", Drafts.small(fund, year), "400.00", "ZB-" + year);
		Api.ok(this.api.post("applicant3", Api.payoutRequests(id), "{\"amount\":300.00}"));
		Api.ok(this.api.post("staff", Api.payouts(id),
				Grants.payout("300.00", LocalDate.now(PartnershipCalendar.ZONE), "AZ-" + year)));

		signInAs("staff2");
		open("/aufgaben");
		WebElement waiting = row("RELEASE_PAYOUT", id);
		assertThat(waiting.getText()).contains("300,00 €", "Freigabe durch eine zweite Person", "heute");
		assertThat(listed("CERTIFY_PAYOUT", id)).isFalse();
		browser.assertNoViolations("inbox with a payout to release");
		browser.screenshot("inbox-freigabe");

		open("/bearbeitung");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Anträge");
		browser.assertNoViolations("applications list");
		browser.screenshot("casework-liste");

		open("/bearbeitung/" + id);
		assertThat(browser.driver.findElement(By.id("freigabe")).getText()).contains("staff", "300,00 €");
		browser.assertNoViolations("casework application with a payout");
		browser.screenshot("casework-antrag-auszahlung");
	}

	@Test
	void staff_decide_a_small_application_on_the_fast_track_with_the_keyboard() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.small(fund, year));

		signInAs("staff");
		open("/bearbeitung/" + id);
		press(browser.driver.findElement(By.cssSelector("a[href$='/schnellverfahren']")), Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Entscheidung im Schnellverfahren"));
		browser.assertNoViolations("fast track");
		browser.screenshot("casework-schnellverfahren");

		type("amount", "vierhundert");
		press(browser.driver.findElement(By.id("entscheiden")), Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("amount-error")));
		browser.assertNoViolations("fast track refused");
		browser.screenshot("casework-schnellverfahren-fehler");

		type("amount", "380,00");
		press(browser.driver.findElement(By.id("entscheiden")), Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("entschieden")));
		assertThat(browser.driver.findElement(By.id("bewilligt")).getText()).isEqualTo("380,00 €");
		browser.assertNoViolations("decided");
	}

}
