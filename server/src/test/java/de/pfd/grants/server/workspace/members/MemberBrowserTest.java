package de.pfd.grants.server.workspace.members;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * A member of the steering board, in Chromium with the keyboard: opens the agenda, reads
 * a circular vote's page (plan, formal check's note, fund's money, time left), votes,
 * changes the vote, is refused a recusal without a reason (at the field and in the
 * summary) and recuses with one; another member sees an automatic recusal as such; the
 * decisions show the youth forum's "zur Kenntnis". axe-core 0 violations on every page,
 * screenshots {@code workspace-member-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MemberBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void a_member_votes_changes_the_vote_and_recuses_with_a_reason_and_an_automatic_recusal_is_shown()
			throws IOException {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String circular = this.applications.submitted("applicant3", Drafts.unrelated(fund, year));
		ok(this.api.post("staff", Api.formalCheck(circular),
				"{\"outcome\":\"ACCEPTED\",\"note\":\"Vollständig; drei Angebote für die Honorare liegen vor.\"}"));
		Instant closesAt = Instant.now().plus(Duration.ofDays(6).plusHours(5).plusMinutes(30));
		ok(this.api.post("staff", Api.voting(circular),
				"{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		// filed by applicant1 for the Kulturverein, which board2 represents
		String meeting = this.applications.inVoting("applicant1",
				Drafts.complete(fund, year).replace("Demokratiewerkstatt", "Kulturnacht"));
		youthForumDecision();

		signInAs("board4");
		open("/entscheidungen");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zur Entscheidung");
		assertThat(browser.driver.findElement(By.id("offene-abstimmungen")).getText()).contains("Demokratiewerkstatt")
			.contains("Kulturnacht")
			.contains("noch 6 Tage 5 Stunden");
		browser.assertNoViolations("the agenda");
		browser.screenshot("member-agenda");

		browser.driver.findElement(By.id("abstimmung-" + circular)).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("pruefhinweis")));
		assertThat(text("pruefhinweis")).isEqualTo("Vollständig; drei Angebote für die Honorare liegen vor.");
		assertThat(text("fassung")).isEqualTo("Fassung 1");
		assertThat(text("summe-costs")).isEqualTo("1.200,00 €");
		assertThat(text("verfuegbar")).isEqualTo("20.000,00 €");
		assertThat(text("frist")).contains("Umlaufverfahren").contains("noch 6 Tage 5 Stunden");
		assertThat(text("eigene-stimme")).isEqualTo("Sie haben noch nicht abgestimmt.");
		browser.assertNoViolations("a vote's page");
		browser.screenshot("member-ballot");

		// the keyboard: Space checks the first choice, Enter on the button sends it
		browser.driver.findElement(By.id("vote-YES")).sendKeys(Keys.SPACE);
		browser.driver.findElement(By.id("abstimmen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("abgestimmt")));
		assertThat(text("eigene-stimme")).startsWith("Ihre Stimme bisher: Ja.");
		assertThat(browser.driver.findElement(By.id("vote-YES")).isSelected()).isTrue();

		// an arrow key moves the choice within the group
		browser.driver.findElement(By.id("vote-YES")).sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.driver.findElement(By.id("vote-NO")).isSelected()).isTrue();
		assertThat(text("abstimmen")).isEqualTo("Stimme ändern");
		browser.driver.findElement(By.id("abstimmen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("eigene-stimme"), "Nein"));
		assertThat(text("eigene-stimme")).startsWith("Ihre Stimme bisher: Nein.");
		browser.assertNoViolations("a vote's page after the vote");
		browser.screenshot("member-voted");

		// no reason: refused at the field and in the summary, nothing recorded
		browser.driver.findElement(By.id("befangenheit-erklaeren")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(text("reason-error")).isEqualTo("Bitte begründen Sie Ihre Befangenheit.");
		assertThat(browser.driver.findElement(By.id("reason")).getAttribute("aria-describedby"))
			.isEqualTo("reason-error");
		assertThat(text("eigene-stimme")).startsWith("Ihre Stimme bisher: Nein.");
		browser.assertNoViolations("a vote's page with a refused recusal");
		browser.screenshot("member-recusal-error");
		browser.driver.findElement(By.cssSelector("#fehler a")).sendKeys(Keys.ENTER);
		WebElement reason = browser.driver.findElement(By.id("reason"));
		assertThat(browser.focused()).isEqualTo(reason);
		reason.sendKeys("Ich bin im Vorstand des Jugendtreffs.");
		browser.driver.findElement(By.id("befangenheit-erklaeren")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("befangen-erklaert")));
		assertThat(text("befangen-grund")).isEqualTo("Begründung: Ich bin im Vorstand des Jugendtreffs.");
		assertThat(browser.driver.findElements(By.id("abstimmen"))).isEmpty();
		browser.assertNoViolations("a vote's page after the recusal");
		browser.screenshot("member-recused");

		signInAs("board2");
		open("/entscheidungen/" + meeting);
		assertThat(browser.driver.findElement(By.id("automatisch-befangen")).getText())
			.contains("Automatisch befangen: Ihre Organisation ist Antragstellerin");
		assertThat(browser.driver.findElements(By.id("abstimmen"))).isEmpty();
		assertThat(browser.driver.findElements(By.id("reason"))).isEmpty();
		browser.assertNoViolations("a vote's page with an automatic recusal");
		browser.screenshot("member-automatic-recusal");

		open("/entscheidungen/beschluesse");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Beschlüsse");
		assertThat(browser.driver.findElement(By.id("beschluesse")).getText()).contains("Jugendcafé")
			.contains("zur Kenntnis");
		browser.assertNoViolations("the decisions");
		browser.screenshot("member-decisions");

		open("/entscheidungen?lang=en");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("For decision");
		browser.assertNoViolations("the agenda in English");
		open("/entscheidungen?lang=de");
		browser.assertNoCspViolations();
	}

	/** A decision of the youth forum, which the board sees for information. */
	private void youthForumDecision() {
		int year = TestYears.next("YOUTH_FUND");
		String fund = this.funds.open("YOUTH_FUND", year, "10000.00", "2500.00", null);
		String id = this.applications.inVoting("applicant3",
				Drafts.youthConfirmed(Drafts.unrelated(fund, year)).replace("Demokratiewerkstatt", "Jugendcafé"));
		for (String member : new String[] { "youth1", "youth2", "youth3" }) {
			this.applications.vote(member, id, "YES");
		}
		ok(this.api.post("staff", Api.closure(id), "{\"conditions\":\"Fotos für die Website\"}"));
	}

	private static String text(String id) {
		return browser.driver.findElement(By.id(id)).getText();
	}

}
