package de.pfd.grants.server.workspace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * Staff use the privacy page in a real Chromium by keyboard: from the admin overview to
 * the page, to the erasure on request of a withdrawn application, a refusal at the field
 * first. Every page passes axe-core; screenshots {@code workspace-privacy-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class PrivacyBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void staff_reach_the_privacy_page_and_the_confirmation_by_keyboard_and_a_refusal_is_shown_at_its_field()
			throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", null, null);
		String id = this.applications.submitted("applicant1", Drafts.complete(fund, year));
		Api.ok(this.api.post("applicant1", Api.withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}"));

		signInAs("staff");
		open("/verwaltung");
		tabTo("zum-datenschutz");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("auf-antrag")));
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Datenschutz");
		browser.assertNoViolations("/verwaltung/datenschutz");
		browser.screenshot("privacy-seite");

		tabTo("privacyApplication");
		new Actions(browser.driver).sendKeys(id).perform();
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("loeschen-form")));
		assertThat(browser.driver.findElement(By.id("akte")).getText()).contains("Demokratiewerkstatt");
		browser.assertNoViolations("/verwaltung/datenschutz/loeschung");

		tabTo("endgueltig-loeschen");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.findElement(By.id("privacyReason-error")).getText()).contains("Grund");
		assertThat(browser.driver.findElement(By.id("privacyConfirmed-error")).getText()).contains("bestätigen");
		browser.assertNoViolations("/verwaltung/datenschutz/loeschung (refused)");
		browser.screenshot("privacy-loeschen-fehler");
		browser.driver.findElement(By.cssSelector("#fehler a[href='#privacyReason']")).sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAttribute("id")).isEqualTo("privacyReason");
		browser.assertNoCspViolations();
	}

	private static void tabTo(String id) {
		for (int i = 0; i < 150; i++) {
			if (id.equals(browser.focused().getAttribute("id"))) {
				return;
			}
			press(Keys.TAB);
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private static void press(Keys key) {
		new Actions(browser.driver).sendKeys(key).perform();
	}

}
