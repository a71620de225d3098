package de.pfd.grants.server.workspace.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * Staff run a meeting in Chromium: prepare it, choose two applications, see the what-if
 * (the second would go to the waiting list), start it, record the votes as minuted,
 * approve one with a reduced amount and conditions, reject the other, close the meeting;
 * and open a circular vote on one application. axe-core finds nothing on any page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MeetingBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void staff_prepare_a_meeting_with_two_applications_see_the_what_if_and_decide_them() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1500.00", "1500.00", "500.00");
		String first = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		String second = this.applications.ready("applicant3", Drafts.unrelated(fund, year));

		signInAs("staff");
		open("/sitzungen");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sitzungen");
		browser.assertNoViolations("the meetings");
		browser.screenshot("meeting-list");

		new Select(browser.driver.findElement(By.id("fonds"))).selectByValue(fund);
		setValue("datum", year + "-06-03");
		type("titel", "Begleitausschuss im Juni");
		browser.driver.findElement(By.id("titel")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("kandidaten")));
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Begleitausschuss im Juni");
		browser.assertNoViolations("a planned meeting");
		browser.screenshot("meeting-planned");

		// the keyboard: space ticks, the places set the order
		browser.driver.findElement(By.id("antrag-" + first)).sendKeys(Keys.SPACE);
		browser.driver.findElement(By.id("antrag-" + second)).sendKeys(Keys.SPACE);
		type("platz-" + first, "1");
		type("platz-" + second, "2");
		browser.driver.findElement(By.id("tagesordnung-speichern")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("vorschau")));
		List<WebElement> rows = browser.driver.findElements(By.cssSelector("#vorschau tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).getText()).contains("1. Demokratiewerkstatt", "1.000,00 €", "500,00 €", "reserviert");
		assertThat(rows.get(1).getText()).contains("2. Demokratiewerkstatt", "500,00 €", "Warteliste");
		browser.assertNoViolations("the what-if of the agenda");
		browser.screenshot("meeting-what-if");

		browser.driver.findElement(By.id("sitzung-beginnen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("tagesordnung")));
		assertThat(this.applications.status("staff", first)).isEqualTo("IN_VOTING");
		assertThat(this.applications.status("staff", second)).isEqualTo("IN_VOTING");
		browser.assertNoViolations("a started meeting");

		// the first: five yes, one no, one abstention; approved with less and conditions
		for (String member : List.of("board1", "board2", "board3", "board4", "board5")) {
			new Select(browser.driver.findElement(By.id("stimme-" + first + "-" + member))).selectByValue("YES");
		}
		new Select(browser.driver.findElement(By.id("stimme-" + first + "-board6"))).selectByValue("NO");
		new Select(browser.driver.findElement(By.id("stimme-" + first + "-board7"))).selectByValue("RECUSED");
		type("grund-" + first + "-board7", "Vorstand im Verein");
		browser.driver.findElement(By.id("stimmen-erfassen-" + first)).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("stimmen-" + first), "Ja 5, Nein 1"));
		assertThat(browser.driver.findElement(By.id("quorum-" + first)).getText()).startsWith("Beschlussfähig");
		assertThat(browser.driver.findElement(By.id("bisher-" + first + "-board7")).getText()).isEqualTo("befangen");
		browser.assertNoViolations("the votes recorded");
		browser.screenshot("meeting-votes");

		type("betrag-" + first, "800,00");
		type("auflagen-" + first, "Bericht mit Fotos bis zum 30. September");
		browser.driver.findElement(By.id("beschliessen-" + first)).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("bewilligung-" + first)));
		assertThat(browser.driver.findElement(By.id("bewilligung-" + first)).getText()).contains("800,00 €",
				"Bericht mit Fotos bis zum 30. September");

		// the second: rejected by four no of five
		for (String member : List.of("board1", "board2", "board3", "board4")) {
			new Select(browser.driver.findElement(By.id("stimme-" + second + "-" + member))).selectByValue("NO");
		}
		new Select(browser.driver.findElement(By.id("stimme-" + second + "-board5"))).selectByValue("YES");
		browser.driver.findElement(By.id("stimmen-erfassen-" + second)).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("ergebnis-jetzt-" + second), "abgelehnt"));
		browser.driver.findElement(By.id("beschliessen-" + second)).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("stand-" + second), "Abgelehnt"));
		assertThat(this.applications.status("staff", first)).isEqualTo("APPROVED");
		assertThat(this.applications.awaitReserved("staff", first).get("grant").get("approvedAmount").decimalValue())
			.isEqualByComparingTo("800.00");
		assertThat(this.applications.status("staff", second)).isEqualTo("REJECTED");

		browser.driver.findElement(By.id("sitzung-schliessen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("sitzung-stand"), "Geschlossen"));
		browser.assertNoViolations("a closed meeting");
		browser.screenshot("meeting-closed");
		open("/sitzungen");
		assertThat(browser.driver.findElement(By.id("geschlossene-sitzungen")).getText())
			.contains("Begleitausschuss im Juni");
		browser.assertNoCspViolations();
	}

	@Test
	void staff_open_a_circular_vote_with_its_deadline_for_one_application() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "5000.00", "1500.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));

		signInAs("staff");
		open("/bearbeitung/" + id + "/abstimmung");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Abstimmung");
		assertThat(browser.driver.findElement(By.id("verfahren-umlauf")).isSelected()).isTrue();
		assertThat(browser.driver.findElement(By.id("ende")).getAttribute("value")).isNotBlank();
		browser.assertNoViolations("opening a vote");
		browser.screenshot("meeting-vote-open");

		browser.driver.findElement(By.id("eroeffnen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		assertThat(browser.driver.findElement(By.id("stand-" + id)).getText()).isEqualTo("In der Abstimmung");
		assertThat(browser.driver.findElements(By.id("stimmen-erfassen-" + id))).isEmpty();
		assertThat(browser.driver.findElement(By.id("quorum-" + id)).getText()).contains("nötig sind 4");
		browser.assertNoViolations("a circular vote");
		browser.screenshot("meeting-vote-circular");
	}

}
