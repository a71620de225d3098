package de.pfd.grants.server.workspace.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * An auditor opens "Exporte" from the navigation, finds the four forms with the fund
 * chosen and today as the day, and a day left empty is refused at its field, the error
 * summary's link leading there by keyboard. The forms' targets answer with the files
 * (fetched over HTTP with what the browser would send). axe-core 0 violations,
 * screenshots {@code workspace-export-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class ExportBrowserTest extends WorkspaceBrowserTestSupport {

	@Test
	void an_auditor_finds_the_exports_and_a_missing_day_is_refused_at_its_field() throws IOException {
		int year = TestYears.next("YOUTH_FUND");
		String fund = this.funds.open("YOUTH_FUND", year, "10000.00", "3500.00", "500.00");

		signInAs("auditor");
		open("/");
		browser.driver.findElement(By.linkText("Exporte")).click();
		wait(ExpectedConditions.titleContains("Exporte"));
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Exporte");
		assertThat(browser.driver.findElements(By.cssSelector("main form"))).hasSize(4);
		assertThat(browser.driver.findElement(By.id("statement-asOf")).getAttribute("value")).isNotBlank();
		assertThat(browser.driver.findElement(By.id("movements-format-xlsx")).isSelected()).isTrue();
		browser.assertNoViolations("the exports page");
		browser.screenshot("export-page");

		// the form's target, with the fields as the browser sends them, is the file
		new Select(browser.driver.findElement(By.id("movements-fund"))).selectByValue(fund);
		browser.driver.findElement(By.id("movements-format-csv")).click();
		WebElement form = browser.driver.findElement(By.id("movements-form"));
		String action = URI.create(form.getAttribute("action")).getPath();
		Downloads.File csv = new Downloads(this.port).get("auditor",
				action + "?fundId=" + fund + "&format="
						+ browser.driver.findElement(By.cssSelector("#movements-form input[name=format]:checked"))
							.getAttribute("value"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.text()).startsWith("\uFEFFNr.;").contains("Eröffnungsbudget;");

		// a day left empty: refused at its field, the fund kept
		new Select(browser.driver.findElement(By.id("statement-fund"))).selectByValue(fund);
		setValue("statement-asOf", "");
		browser.driver.findElement(By.id("statement-download")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fehler")));
		assertThat(browser.driver.getTitle()).startsWith("Fehler:");
		assertThat(browser.driver.findElement(By.id("statement-asOf-error")).getText())
			.contains("Bitte geben Sie einen Stichtag an");
		assertThat(new Select(browser.driver.findElement(By.id("statement-fund"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(fund);
		browser.assertNoViolations("the exports page with an error");
		browser.screenshot("export-error");
		WebElement link = browser.driver.findElement(By.cssSelector("#fehler a[href='#statement-asOf']"));
		link.sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAttribute("id")).isEqualTo("statement-asOf");
	}

}
