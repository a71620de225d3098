package de.pfd.grants.server.workspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * Staff run the administration in a real Chromium: open a fund (by keyboard, a refusal
 * first), adjust its budget, add a call round, set the waiting list and close it; invite
 * an account, add it to the youth forum and change the forum's rules; merge two
 * organisations. Every page passes axe-core; screenshots {@code workspace-admin-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AdminBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void staff_open_a_fund_by_keyboard_adjust_it_add_a_round_and_close_it() throws IOException {
		int year = TestYears.next("YOUTH_FUND");
		signInAs("staff");
		open("/verwaltung");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Verwaltung");
		browser.assertNoViolations("/verwaltung");
		shot("admin-uebersicht");

		open("/verwaltung/partnerschaft");
		browser.assertNoViolations("/verwaltung/partnerschaft");
		activate("einstellungen-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		browser.assertNoViolations("/verwaltung/partnerschaft?gespeichert");

		open("/verwaltung");
		tabTo("zu-den-fonds-verwaltung");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eroeffnen")));
		browser.assertNoViolations("/verwaltung/fonds");
		// by keyboard: the type chosen with the arrow keys, a budget mistyped first
		tabTo("type");
		press(Keys.ARROW_DOWN);
		press(Keys.ARROW_DOWN);
		assertThat(new Select(browser.driver.findElement(By.id("type"))).getFirstSelectedOption().getText())
			.isEqualTo("Jugendfonds");
		tabTo("year");
		typeKeys(String.valueOf(year));
		tabTo("budget");
		typeKeys("10.000,001");
		tabTo("perProjectCap");
		typeKeys("1.500");
		tabTo("fonds-anlegen");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.findElement(By.id("budget-error")).getText()).contains("Betrag in Euro");
		assertThat(browser.driver.findElement(By.id("year")).getAttribute("value")).isEqualTo(String.valueOf(year));
		browser.assertNoViolations("/verwaltung/fonds (refused)");
		shot("admin-fonds-fehler");
		browser.driver.findElement(By.cssSelector("#fehler a[href='#budget']")).sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAttribute("id")).isEqualTo("budget");
		type("budget", "10.000,00");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eroeffnet")));
		assertThat(browser.driver.findElement(By.id("fonds-name")).getText()).isEqualTo("Jugendfonds " + year);
		assertThat(browser.driver.findElement(By.id("fonds-budget")).getText()).isEqualTo("10.000,00 €");
		browser.assertNoViolations("/verwaltung/fonds/{id}");
		String fundId = browser.driver.getCurrentUrl().replaceAll(".*/verwaltung/fonds/([^?#]+).*", "$1");

		type("adjust-amount", "2.500,50");
		type("adjust-reason", "Nachbewilligung des Bundes");
		activate("budget-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angepasst")));
		assertThat(browser.driver.findElement(By.id("fonds-budget")).getText()).isEqualTo("12.500,50 €");
		JsonNode fund = Api.ok(this.api.get("staff", Api.fund(fundId)));
		assertThat(fund.get("budget").decimalValue()).isEqualByComparingTo("12500.50");

		type("round-name", "Frühjahrsrunde");
		setValue("round-deadline", year + "-04-30");
		type("round-share", "50");
		activate("runde-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("runde-angelegt")));
		assertThat(browser.driver.findElement(By.id("runden-liste")).getText()).contains("Frühjahrsrunde", "50 %");

		// a radio group is one tab stop: the arrow key chooses the other policy
		tabTo("policy-STRICT_ORDER");
		press(Keys.ARROW_DOWN);
		assertThat(browser.driver.findElement(By.id("policy-FIRST_THAT_FITS")).isSelected()).isTrue();
		activate("warteliste-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("warteliste-gesetzt")));
		assertThat(browser.driver.findElement(By.id("warteliste-regel")).getText()).isEqualTo("die erste, die passt");
		browser.assertNoViolations("/verwaltung/fonds/{id} (changed)");
		shot("admin-fonds");

		activate("zum-abschluss");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("was-verfaellt")));
		assertThat(browser.driver.findElement(By.id("was-verfaellt")).getText()).contains("12.500,50 €");
		browser.assertNoViolations("/verwaltung/fonds/{id}/abschluss");
		shot("admin-fonds-abschluss");
		activate("abschliessen");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("abgeschlossen")));
		assertThat(browser.driver.findElement(By.id("fonds-status")).getText()).isEqualTo("abgeschlossen");
		assertThat(browser.driver.findElements(By.id("budget-anpassen"))).isEmpty();
		browser.assertNoViolations("/verwaltung/fonds/{id} (closed)");
		browser.assertNoCspViolations();
	}

	@Test
	void staff_invite_an_account_add_it_to_the_youth_forum_and_change_the_forums_rules() throws IOException {
		String address = "forum-" + UUID.randomUUID() + "@example.org";
		signInAs("staff");
		open("/verwaltung/konten");
		browser.assertNoViolations("/verwaltung/konten");
		type("invite-email", address);
		type("invite-name", "Neues Forumsmitglied");
		new Select(browser.driver.findElement(By.id("invite-role"))).selectByValue("MEMBER");
		activate("einladung-senden");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eingeladen")));
		WebElement row = browser.driver
			.findElement(By.xpath("//table[@id='konten-liste']//tr[td[text()='" + address + "']]"));
		String username = row.findElements(By.tagName("td")).get(0).getText();
		browser.assertNoViolations("/verwaltung/konten?eingeladen");
		shot("admin-konten");

		open("/verwaltung/gremien");
		browser.assertNoViolations("/verwaltung/gremien");
		activate("gremium-YOUTH_FORUM");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("mitglied-hinzufuegen")));
		String quorum = browser.driver.findElement(By.id("rules-quorum")).getAttribute("value");
		String days = browser.driver.findElement(By.id("rules-days")).getAttribute("value");
		browser.assertNoViolations("/verwaltung/gremien/{id}");
		type("member-username", username);
		type("member-organisation", "Jugendring Mettmann");
		activate("mitglied-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("hinzugefuegt")));
		assertThat(browser.driver.findElement(By.id("mitglied-" + username)).getText()).contains("Neues Forumsmitglied",
				"Jugendring Mettmann", "stimmberechtigt");

		type("rules-quorum", "60");
		type("rules-days", "10");
		activate("regeln-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("regeln-gespeichert")));
		assertThat(browser.driver.findElement(By.id("regeln-stand")).getText()).contains("mehr als 60 %", "10 Tage");
		browser.assertNoViolations("/verwaltung/gremien/{id} (changed)");
		shot("admin-gremium");
		JsonNode forum = youthForum();
		assertThat(forum.get("rules").get("quorumPercent").asInt()).isEqualTo(60);

		// the forum as it was for the other tests of this context
		activate("entfernen-" + username);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("entfernt")));
		type("rules-quorum", quorum);
		type("rules-days", days);
		activate("regeln-speichern");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("regeln-gespeichert")));
		assertThat(youthForum().get("rules").get("quorumPercent").asText()).isEqualTo(quorum);
	}

	@Test
	void staff_merge_a_duplicate_organisation_after_confirming_it() throws IOException {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String duplicate = organisation("Kulturverein Mettmann " + suffix);
		String survivor = organisation("Kulturverein Mettmann e. V. " + suffix);
		signInAs("staff");
		open("/verwaltung/organisationen");
		browser.assertNoViolations("/verwaltung/organisationen");
		activate("organisation-" + duplicate);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("zusammenfuehren-form")));
		browser.assertNoViolations("/verwaltung/organisationen/{id}");
		// by keyboard: nothing chosen is refused at the choice, then the survivor is
		// chosen
		tabTo("zusammenfuehren-weiter");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("into-error")));
		browser.assertNoViolations("/verwaltung/organisationen/{id} (refused)");
		tabTo("into");
		Select into = new Select(browser.driver.findElement(By.id("into")));
		for (int i = 0; i < 500 && !survivor.equals(into.getFirstSelectedOption().getAttribute("value")); i++) {
			press(Keys.ARROW_DOWN);
		}
		assertThat(into.getFirstSelectedOption().getAttribute("value")).isEqualTo(survivor);
		tabTo("zusammenfuehren-weiter");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("was-geschieht")));
		assertThat(browser.driver.findElement(By.id("was-geschieht")).getText()).contains("„Kulturverein Mettmann "
				+ suffix + "“ wird in „Kulturverein Mettmann e. V. " + suffix + "“ zusammengeführt");
		browser.assertNoViolations("/verwaltung/organisationen/{id}/zusammenfuehren");
		shot("admin-zusammenfuehren");
		tabTo("zusammenfuehren-bestaetigen");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("zusammengefuehrt")));
		assertThat(browser.driver.findElement(By.id("organisation-name")).getText())
			.isEqualTo("Kulturverein Mettmann e. V. " + suffix);
		assertThat(browser.driver.findElement(By.id("organisation-duplikate")).getText())
			.contains("Kulturverein Mettmann " + suffix);
		browser.assertNoViolations("/verwaltung/organisationen/{id}?zusammengefuehrt");
		shot("admin-organisation");
		assertThat(Api.ok(this.api.get("staff", "/api/organisations/" + duplicate)).get("mergedInto").asText())
			.isEqualTo(survivor);
	}

	private JsonNode youthForum() {
		for (JsonNode body : Api.ok(this.api.get("staff", Api.DECISION_BODIES))) {
			if ("YOUTH_FORUM".equals(body.get("type").asText())) {
				return body;
			}
		}
		throw new AssertionError("no youth forum");
	}

	private String organisation(String name) {
		return Api.created(this.api.post("staff", "/api/organisations",
				"{\"name\":\"" + name + "\",\"legalForm\":\"REGISTERED_ASSOCIATION\"}"))
			.get("id")
			.asText();
	}

	/** Presses Tab until the element has the focus (at most 120 times). */
	private static void tabTo(String id) {
		for (int i = 0; i < 120; i++) {
			if (id.equals(browser.focused().getAttribute("id"))) {
				return;
			}
			press(Keys.TAB);
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	/** A screenshot of the page from its top. */
	private static void shot(String name) throws IOException {
		browser.driver.executeScript("window.scrollTo(0, 0)");
		browser.screenshot(name);
	}

	/** A link or button activated by keyboard: focused, then Enter. */
	private static void activate(String id) {
		browser.driver.findElement(By.id(id)).sendKeys(Keys.ENTER);
	}

	private static void typeKeys(String text) {
		new Actions(browser.driver).sendKeys(text).perform();
	}

	private static void press(Keys key) {
		new Actions(browser.driver).sendKeys(key).perform();
	}

}
