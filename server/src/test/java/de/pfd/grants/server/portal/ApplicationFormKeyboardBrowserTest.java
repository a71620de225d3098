package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * The whole application form with the keyboard only (Tab, Space, Enter, arrow keys and
 * typing into the focused element; nothing is clicked): sign in, the six steps, the
 * submission, and the application in "Meine Anträge". Every element reached has a visible
 * focus; every step: axe-core 0 violations, no CSP complaint, a screenshot
 * ({@code portal-schritt-<n>.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class ApplicationFormKeyboardBrowserTest extends PortalBrowserTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void an_applicant_completes_and_submits_the_whole_form_with_the_keyboard_only() throws IOException {
		int year = TestYears.nextInTheFuture();
		this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);

		browser.driver.get(this.base + "/login");
		tabTo("username");
		typeKeys(applicant);
		tabTo("password");
		typeKeys("demo");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));

		browser.driver.get(this.base + "/antraege");
		tabTo("neuer-antrag");
		press(Keys.ENTER);

		// 1 Fonds: the fund, and the organisation that the first application registers
		step(1, "fundId");
		assertThat(browser.driver.findElement(By.cssSelector("[aria-current=step]")).getText()).isEqualTo("1. Fonds");
		choose("fundId", "Aktionsfonds " + year);
		tabTo("organisation");
		typeKeys("Kulturkreis <i>Tastatur</i> e.V.");
		choose("legalForm", "Eingetragener Verein (e. V.)");
		tabTo("weiter");
		press(Keys.ENTER);

		// 2 Projekt
		step(2, "title");
		tabTo("title");
		typeKeys("Werkstatt <b>Demokratie</b>");
		tabTo("summary");
		typeKeys("Workshops für Jugendliche");
		tabTo("description");
		typeKeys("Drei Workshops im Jugendzentrum.");
		choose("actionField", optionText("actionField", "DEMOCRACY_PROMOTION"));
		tabTo("targetGroup-YOUTH");
		press(Keys.SPACE);
		tabTo("expectedParticipants");
		typeKeys("40");
		typeDate("startDate", year, 5, 1);
		typeDate("endDate", year, 9, 30);
		tabTo("weiter");
		press(Keys.ENTER);

		// 3 Antragsteller: the organisation is registered, the contact is asked
		step(3, "contactName");
		assertThat(browser.driver.findElement(By.id("inhalt")).getText()).contains("Kulturkreis <i>Tastatur</i> e.V.");
		tabTo("contactName");
		typeKeys("Erika Muster");
		tabTo("email");
		typeKeys("erika@example.org");
		tabTo("address");
		typeKeys("Markt 1, 40822 Mettmann");
		tabTo("weiter");
		press(Keys.ENTER);

		// 4 Kosten- und Finanzierungsplan: the sums follow the typing (htmx)
		step(4, "costs-0-kind");
		choose("costs-0-kind", optionText("costs-0-kind", "FEES"));
		tabTo("costs-0-description");
		typeKeys("Honorare");
		tabTo("costs-0-amount");
		typeKeys("1.200,00");
		choose("income-0-kind", optionText("income-0-kind", "OWN_FUNDS"));
		tabTo("income-0-amount");
		typeKeys("150,50");
		wait(ExpectedConditions.textToBe(By.id("requestedAmount"), "1.049,50 €"));
		assertThat(browser.driver.findElement(By.id("totalCosts")).getText()).isEqualTo("1.200,00 €");
		assertThat(browser.driver.findElement(By.id("coFinancing")).getText()).isEqualTo("12,5 %");
		browser.assertNoViolations("step 4 with the sums");
		// a row more: htmx replaces the plan only, the typed values stay, the focus too
		tabTo("zeile-einnahmen");
		press(Keys.ENTER);
		wait(ExpectedConditions.presenceOfElementLocated(By.id("income-3-kind")));
		assertThat(browser.driver.findElement(By.id("income-0-amount")).getAttribute("value")).isEqualTo("150,50");
		assertThat(browser.driver.findElement(By.id("costs-0-description")).getAttribute("value"))
			.isEqualTo("Honorare");
		wait(d -> "zeile-einnahmen".equals(browser.focused().getAttribute("id")));
		tabTo("weiter");
		press(Keys.ENTER);

		// 5 Erklärungen: all of them
		step(5, "declaration-NO_EARLY_START");
		for (String declaration : List.of("NO_EARLY_START", "COMPLETE_AND_TRUE", "PRIVACY_NOTICE_READ")) {
			tabTo("declaration-" + declaration);
			press(Keys.SPACE);
		}
		tabTo("weiter");
		press(Keys.ENTER);

		// 6 Prüfen und einreichen
		step(6, "einreichen");
		assertThat(browser.driver.findElement(By.id("pruefen-titel")).getText())
			.isEqualTo("Werkstatt <b>Demokratie</b>");
		assertThat(browser.driver.findElement(By.id("pruefen-beantragt")).getText()).isEqualTo("1.049,50 €");
		assertThat(browser.driver.findElement(By.id("angebote")).getText()).contains("Honorare");
		assertThat(browser.driver.findElement(By.id("erklaerungen")).getText())
			.contains("Ich habe die Datenschutzhinweise gelesen.");
		tabTo("einreichen");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eingereicht")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Eingereicht");

		// "Meine Anträge" from the navigation
		tabTo(e -> "Meine Anträge".equals(e.getText()), "the link to Meine Anträge");
		press(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("antraege")));
		assertThat(browser.driver.findElement(By.id("antraege")).getText()).contains("Werkstatt <b>Demokratie</b>",
				"Eingereicht");
		browser.assertNoViolations("Meine Anträge after the submission");
		browser.assertNoCspViolations();
	}

	/** A step is shown: its text, its first field, no violations, a screenshot. */
	private static void step(int n, String field) throws IOException {
		wait(ExpectedConditions.or(ExpectedConditions.textToBe(By.id("schritt-von"), "Schritt " + n + " von 6"),
				ExpectedConditions.presenceOfElementLocated(By.id("fehler"))));
		assertThat(browser.driver.findElements(By.id("fehler")).stream().map(WebElement::getText).toList())
			.as("no error before step " + n)
			.isEmpty();
		wait(ExpectedConditions.presenceOfElementLocated(By.id(field)));
		assertThat(browser.driver.findElements(By.id("fehler"))).as("no error on step " + n).isEmpty();
		assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		browser.assertNoViolations("step " + n);
		browser.screenshot("schritt-" + n);
	}

	private static void tabTo(String id) {
		tabTo(e -> id.equals(e.getAttribute("id")), "#" + id);
	}

	/**
	 * Presses Tab until the element has the focus (at most 80 times) and checks that the
	 * focus is visible there.
	 */
	private static void tabTo(Predicate<WebElement> target, String what) {
		for (int i = 0; i < 80; i++) {
			WebElement focused = browser.focused();
			if (target.test(focused)) {
				String outline = (String) browser.driver.executeScript(
						"var s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;",
						focused);
				String shadow = (String) browser.driver
					.executeScript("return getComputedStyle(arguments[0]).boxShadow;", focused);
				boolean outlined = !outline.startsWith("none") && !outline.endsWith(" 0px");
				assertThat(outlined || !"none".equals(shadow))
					.as("visible focus on " + what + ": " + outline + " / " + shadow)
					.isTrue();
				return;
			}
			press(Keys.TAB);
		}
		throw new AssertionError("Tab does not reach " + what);
	}

	/** Chooses an option of a select with the arrow keys. */
	private static void choose(String id, String text) {
		tabTo(id);
		Select select = new Select(browser.driver.findElement(By.id(id)));
		List<String> options = select.getOptions().stream().map(WebElement::getText).toList();
		int target = options.indexOf(text);
		assertThat(target).as(text + " in " + options).isNotNegative();
		int current = options.indexOf(select.getFirstSelectedOption().getText());
		for (int i = current; i < target; i++) {
			press(Keys.ARROW_DOWN);
		}
		for (int i = current; i > target; i--) {
			press(Keys.ARROW_UP);
		}
		assertThat(select.getFirstSelectedOption().getText()).isEqualTo(text);
	}

	/**
	 * Types a date into a date input, its parts in the order the browser shows them (as
	 * its locale has it).
	 */
	private static void typeDate(String id, int year, int month, int day) {
		tabTo(id);
		@SuppressWarnings("unchecked")
		List<String> order = (List<String>) browser.driver
			.executeScript("return new Intl.DateTimeFormat().formatToParts(new Date(2000, 10, 22))"
					+ ".filter(function (p) { return p.type === 'day' || p.type === 'month' || p.type === 'year'; })"
					+ ".map(function (p) { return p.type; });");
		StringBuilder keys = new StringBuilder();
		for (String part : order) {
			keys.append(switch (part) {
				case "day" -> String.format("%02d", day);
				case "month" -> String.format("%02d", month);
				default -> String.valueOf(year);
			});
		}
		typeKeys(keys.toString());
		assertThat(browser.driver.findElement(By.id(id)).getAttribute("value"))
			.isEqualTo(String.format("%d-%02d-%02d", year, month, day));
	}

	private static String optionText(String id, String value) {
		return browser.driver.findElement(By.cssSelector("#" + id + " option[value='" + value + "']")).getText();
	}

	private static void typeKeys(String text) {
		new Actions(browser.driver).sendKeys(text).perform();
	}

	private static void press(Keys key) {
		new Actions(browser.driver).sendKeys(key).perform();
	}

}
