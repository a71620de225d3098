package de.pfd.grants.server.workspace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * An auditor in headless Chromium filters the audit trail by application and by kind,
 * pages, exports the lines as CSV, opens a decision's provenance and sees the changed
 * vote with both times and the quorum computation; axe-core finds nothing on any of the
 * pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AuditBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void an_auditor_filters_the_trail_pages_exports_and_opens_a_decisions_provenance() throws Exception {
		String title = "Prüfpfad-Werkstatt " + UUID.randomUUID().toString().substring(0, 6);
		VotedApplication voted = VotedApplication.decide(this.api, this.funds, this.applications, title);
		// more than a page of events: a draft saved 50 times
		int year = TestYears.next("YOUTH_FUND");
		String youthFund = this.funds.open("YOUTH_FUND", year, "10000.00", "2500.00", "500.00");
		String body = Drafts.youthConfirmed(Drafts.unrelated(youthFund, year));
		String draft = this.applications.draft("applicant3", body);
		for (int i = 0; i < 50; i++) {
			assertThat(this.api
				.put("applicant3", Api.application(draft),
						body.replace("Workshops für Jugendliche", "Workshops, Fassung " + i))
				.status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.get("auditor", "/pruefung?antrag=" + draft).body())
				.contains("51 Ereignisse"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.get("auditor", "/pruefung?antrag=" + voted.applicationId()).body())
				.contains("Bewilligte Mittel reserviert"));

		signInAs("auditor");
		open("/pruefung");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Prüfpfad");
		assertThat(browser.driver.findElement(By.id("anzahl")).getText()).contains("Seite 1 von");
		assertThat(lines()).hasSize(50);
		browser.assertNoViolations("Prüfpfad");
		browser.screenshot("audit-pfad");

		// the next page, with the keyboard
		WebElement next = browser.driver.findElement(By.id("seite-weiter"));
		next.sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("anzahl"), "Seite 2 von"));
		assertThat(browser.driver.findElement(By.id("seite-zurueck")).isDisplayed()).isTrue();
		long firstOfPage2 = Long.parseLong(lines().get(0).findElement(By.tagName("td")).getText());
		assertThat(firstOfPage2).isPositive();

		// by application
		open("/pruefung");
		new Select(browser.driver.findElement(By.id("antrag"))).selectByVisibleText(title);
		browser.driver.findElement(By.id("filtern")).click();
		wait(ExpectedConditions.urlContains("antrag=" + voted.applicationId()));
		List<String> whats = whats();
		assertThat(whats).contains("Antrag eingereicht (Version 1, 1.000,00 €)", "Stimme abgegeben: Ja (von board1)",
				"Stimme abgegeben: Nein (von board1)", "Bewilligte Mittel reserviert: 1.000,00 €");
		assertThat(whats.get(0)).startsWith("Antrag angelegt: " + title);
		assertThat(browser.driver.findElement(By.id("pfad")).getText()).contains("applicant3", "board1", "staff",
				"Mitglied eines Gremiums", "System (Prozess oder Frist)");

		// and by kind: the votes only
		new Select(browser.driver.findElement(By.id("art"))).selectByVisibleText("Stimme abgegeben");
		browser.driver.findElement(By.id("filtern")).click();
		wait(ExpectedConditions.urlContains("art=VoteCast"));
		assertThat(whats()).hasSize(5).allMatch(what -> what.startsWith("Stimme abgegeben: "));
		assertThat(browser.driver.findElement(By.id("anzahl")).getText()).isEqualTo("5 Ereignisse, Seite 1 von 1");
		browser.assertNoViolations("Prüfpfad, gefiltert");
		browser.screenshot("audit-pfad-gefiltert");

		// the export holds the filtered lines
		String export = browser.driver.findElement(By.id("export")).getAttribute("href");
		assertThat(export).contains("/pruefung/export.csv?antrag=" + voted.applicationId(), "art=VoteCast");
		String csv = new String(this.api.download("auditor", export.substring(this.base.length())).body(),
				StandardCharsets.UTF_8);
		List<String> rows = List.of(csv.split("\r\n"));
		assertThat(rows).hasSize(6);
		assertThat(rows.subList(1, 6)).allMatch(row -> row.contains(";VoteCast;Stimme abgegeben: "));

		// the decisions, and the provenance of this one
		open("/pruefung/entscheidungen");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Entscheidungen");
		browser.assertNoViolations("Entscheidungen");
		browser.screenshot("audit-entscheidungen");
		WebElement link = browser.driver.findElement(By.linkText(title));
		link.sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Herkunft der Entscheidung"));

		assertThat(browser.driver.findElement(By.id("entscheidung-1-titel")).getText())
			.isEqualTo("Entscheidung 1: bewilligt");
		assertThat(browser.driver.findElement(By.id("eroeffnet-1")).getText()).startsWith("staff (");
		assertThat(browser.driver.findElement(By.id("geschlossen-1")).getText()).startsWith("staff (");
		assertThat(browser.driver.findElement(By.id("fassung-1")).getText()).contains(title,
				"Workshops für Jugendliche", "1.000,00 €");
		assertThat(browser.driver.findElement(By.id("plan-1")).getText()).contains("Kosten: Honorare", "1.200,00 €",
				"Einnahme: Eigenmittel", "200,00 €");
		assertThat(browser.driver.findElement(By.id("stimmberechtigte-1")).findElements(By.cssSelector("tbody tr")))
			.hasSize(7);
		// board1's vote as cast and as changed, each with its time
		List<WebElement> ballots = browser.driver.findElement(By.id("stimmen-1"))
			.findElements(By.cssSelector("tbody tr"));
		assertThat(ballots).hasSize(5);
		List<String> first = cells(ballots.get(0));
		List<String> changed = cells(ballots.get(1));
		assertThat(first.subList(1, 4)).containsExactly("board1", "Ja", "erste Stimme");
		assertThat(changed.subList(1, 4)).containsExactly("board1", "Nein", "geändert, vorher: Ja");
		assertThat(first.get(0)).isNotBlank();
		assertThat(changed.get(0)).isNotBlank();
		assertThat(ballots.get(0).findElement(By.tagName("time")).getAttribute("datetime"))
			.isLessThanOrEqualTo(ballots.get(1).findElement(By.tagName("time")).getAttribute("datetime"));
		// the computation: 7 eligible, none recused, more than 50 % = 4 needed, 4 took
		// part, 3 : 1
		String computation = browser.driver.findElement(By.id("rechnung-1")).getText();
		assertThat(computation).contains("Stimmberechtigt bei Eröffnung 7", "davon befangen 0",
				"zählen für das Quorum 7", "nötig für das Quorum (mehr als 50 %) 4",
				"haben teilgenommen (Enthaltungen zählen) 4", "Quorum erreicht ja", "Ja / Nein / Enthaltung 3 / 1 / 0",
				"Mehrheit (mehr Ja als Nein) ja", "Bewilligt ja",
				"Nachzählung der einzelnen Stimmen stimmt mit dem Ergebnis überein ja");
		assertThat(browser.driver.findElement(By.id("regelversion-1")).getText()).startsWith("Version 1: Quorum");
		assertThat(browser.driver.findElement(By.id("mittel-1")).getText())
			.contains("Bewilligte Mittel reserviert: 1.000,00 €", "Mittel reserviert: 1.000,00 €", "System");
		browser.assertNoViolations("Herkunft der Entscheidung");
		browser.screenshot("audit-herkunft");

		// English
		open("/pruefung/entscheidungen/" + voted.applicationId() + "?lang=en");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Decision provenance");
		assertThat(browser.driver.findElement(By.id("stimmen-1")).getText()).contains("changed, before: Yes");
		browser.assertNoViolations("Decision provenance");
		open("/pruefung?lang=de");
	}

	private static List<WebElement> lines() {
		return browser.driver.findElements(By.cssSelector("#pfad tbody tr"));
	}

	private static List<String> whats() {
		return browser.driver.findElements(By.cssSelector("#pfad tbody .grants-audit-what"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList();
	}

}
