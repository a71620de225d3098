package de.pfd.grants.server.workspace.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The fund dashboard in a real browser (headless Chromium): staff go from the list of
 * funds to a fund's dashboard by keyboard, see the API's figures and the four charts
 * (drawn, each an image with its name, beside its table), ask for a reference date and
 * are refused an invalid one; an auditor sees the same. axe-core finds nothing on any of
 * the pages, no CSP complaint; screenshots {@code workspace-dashboard-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class FundDashboardBrowserTest extends WorkspaceBrowserTestSupport {

	private static final List<String> CHARTS = List.of("geld", "fields", "stages", "trend");

	private static DashboardFund fund;

	@BeforeEach
	void fund() {
		if (fund == null) {
			fund = DashboardFund.create(this.api, this.funds, this.applications, this.grants);
		}
		browser.driver.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void staff_open_a_funds_dashboard_from_the_list_and_ask_for_a_reference_date() throws Exception {
		signInAs("staff");
		open("/fonds");
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fonds");
		browser.assertNoViolations("the list of funds");
		browser.screenshot("dashboard-liste");

		// by keyboard: the fund's link, Enter
		WebElement link = browser.driver.findElement(By.cssSelector("a[href='/fonds/" + fund.id() + "']"));
		link.sendKeys(Keys.ENTER);
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Aktionsfonds " + fund.year()));
		JsonNode api = this.funds.get("staff", fund.id());
		assertThat(text("figure-budget")).isEqualTo("2.500,00 €");
		assertThat(text("figure-reserved")).isEqualTo(euro(api, "reserved")).isEqualTo("2.000,00 €");
		assertThat(text("figure-paid")).isEqualTo(euro(api, "paid"));
		assertThat(text("figure-released")).isEqualTo(euro(api, "released"));
		assertThat(text("figure-available")).isEqualTo(euro(api, "available")).isEqualTo("500,00 €");
		for (String chart : CHARTS) {
			WebElement svg = browser.driver
				.findElement(By.cssSelector("svg[aria-labelledby='" + chart + "-titel " + chart + "-beschreibung']"));
			assertThat(svg.getAttribute("role")).isEqualTo("img");
			assertThat(svg.getSize().getWidth()).as(chart + " drawn").isGreaterThan(100);
		}
		assertThat(browser.driver.findElement(By.id("warteliste")).getText()).contains("1.000,00 €");
		browser.assertNoViolations("the fund's dashboard");
		browser.assertNoCspViolations();
		fullPage();
		browser.screenshot("dashboard-fonds");

		// a reference date: the date field, then the button by keyboard
		browser.driver.manage().window().setSize(new Dimension(1280, 900));
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
		setValue("stichtag", today);
		browser.driver.findElement(By.id("stichtag-anzeigen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.urlContains("stichtag=" + today));
		assertThat(browser.driver.findElement(By.id("stand")).getText()).contains("Stand: Ende des");
		assertThat(text("figure-reserved")).isEqualTo("2.000,00 €");
		assertThat(browser.driver.findElement(By.id("stichtag-heute")).isDisplayed()).isTrue();

		// an invalid one (typed into the address): refused in German, the figures of now
		open("/fonds/" + fund.id() + "?stichtag=2026-02-30");
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Stichtag",
				"Bitte geben Sie den Stichtag als gültiges Datum an");
		assertThat(browser.driver.findElement(By.id("stichtag-fehler")).isDisplayed()).isTrue();
		browser.driver.findElement(By.cssSelector("#fehler a[href='#stichtag']")).sendKeys(Keys.ENTER);
		assertThat(text("figure-available")).isEqualTo("500,00 €");
		browser.assertNoViolations("the dashboard with a refused reference date");
		browser.screenshot("dashboard-stichtag-fehler");
	}

	@Test
	void an_auditor_sees_the_same_dashboard() throws Exception {
		signInAs("auditor");
		open("/fonds/" + fund.id());
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Aktionsfonds " + fund.year()));
		JsonNode api = this.funds.get("auditor", fund.id());
		assertThat(text("figure-reserved")).isEqualTo(euro(api, "reserved"));
		assertThat(text("figure-paid")).isEqualTo(euro(api, "paid"));
		browser.assertNoViolations("the fund's dashboard for an auditor");
		browser.screenshot("dashboard-pruefer");
		open("/fonds/" + fund.id() + "?lang=en");
		wait(ExpectedConditions.textToBe(By.tagName("h1"), "Action fund " + fund.year()));
		browser.assertNoViolations("the fund's dashboard in English");
	}

	private static String text(String id) {
		return browser.driver.findElement(By.id(id)).getText().replace('\u00a0', ' ');
	}

	private static String euro(JsonNode fund, String figure) {
		return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.GERMANY)
			.format(fund.get(figure).decimalValue())
			.replace('\u00a0', ' ');
	}

	/** The window as tall as the page, for a screenshot of all of it. */
	private static void fullPage() {
		Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight");
		browser.driver.manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 100)));
	}

}
