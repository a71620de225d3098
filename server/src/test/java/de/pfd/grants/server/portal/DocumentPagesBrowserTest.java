package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * Uploads on the application's page in a real browser: an applicant uploads an offer (a
 * small PDF) and sees it listed with its download link; a renamed executable, an empty
 * file and one above the limit are refused at the field and in the summary, and nothing
 * is stored; the draft's document is removed again. Every page: axe-core 0 violations, no
 * CSP complaint, a screenshot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class DocumentPagesBrowserTest extends PortalBrowserTestSupport {

	static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void an_applicant_uploads_an_offer_on_the_application_page_and_bad_files_are_refused_at_the_field()
			throws Exception {
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.applications.draft(applicant, Drafts.complete("kreis-mettmann-action-fund-2019", 2019));
		Path files = Files.createDirectories(Path.of("target", "uploads")).toAbsolutePath();
		Path offer = Files.write(files.resolve("Angebot Druckerei.pdf"), PDF);
		Path renamed = Files.write(files.resolve("angebot.pdf"),
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0 });
		Path empty = Files.write(files.resolve("leer.pdf"), new byte[0]);
		Path large = Files.write(files.resolve("gross.pdf"), Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1));

		signIn(applicant);
		browser.driver.get(this.base + "/antraege/" + id);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("keine-unterlagen")));

		upload("OFFER", offer);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("hochgeladen")));
		String table = browser.driver.findElement(By.id("unterlagen-tabelle")).getText();
		assertThat(table).contains("Angebot", "Angebot Druckerei.pdf", applicant);
		browser.assertNoViolations("the application page with its documents");
		browser.screenshot("unterlagen");
		String link = browser.driver.findElement(By.linkText("Angebot Druckerei.pdf")).getAttribute("href");
		assertThat(download(link)).isEqualTo(PDF);

		refused(renamed, "Nur PDF-, JPEG- und PNG-Dateien sind erlaubt");
		browser.assertNoViolations("the application page with a refused upload");
		browser.screenshot("unterlagen-fehler");
		refused(empty, "Die Datei ist leer");
		refused(large, "Die Datei ist zu groß (höchstens 10 MB)");

		assertThat(contentRows(id)).isEqualTo(1);

		// a draft's document is removed again, with its content
		browser.driver.findElement(By.cssSelector("#unterlagen-tabelle button")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("entfernt")));
		assertThat(browser.driver.findElements(By.id("keine-unterlagen"))).hasSize(1);
		assertThat(contentRows(id)).isZero();
		browser.assertNoViolations("the application page after a removal");
		browser.assertNoCspViolations();
	}

	private long contentRows(String id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM document_content WHERE application_id = ?", Long.class,
				id);
	}

	private void upload(String kind, Path file) {
		new Select(browser.driver.findElement(By.id("unterlage-art"))).selectByValue(kind);
		browser.driver.findElement(By.id("unterlage-datei")).sendKeys(file.toString());
		browser.driver.findElement(By.id("hochladen")).sendKeys(Keys.ENTER);
	}

	/** Refused: the message at the field and in the summary, which links to the field. */
	private void refused(Path file, String message) {
		upload("OFFER", file);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("unterlage-datei-error")));
		assertThat(browser.driver.findElement(By.id("unterlage-datei-error")).getText()).startsWith(message);
		assertThat(browser.driver.findElement(By.id("fehler")).getText()).contains("Datei: " + message);
		assertThat(browser.driver.findElement(By.cssSelector("#fehler a")).getAttribute("href"))
			.endsWith("#unterlage-datei");
		assertThat(browser.driver.findElements(By.cssSelector("#unterlagen-tabelle tbody tr"))).hasSize(1);
	}

	/** What the link serves to the signed-in browser's session. */
	private static byte[] download(String url) throws IOException, InterruptedException {
		String cookies = browser.driver.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		return response.body();
	}

}
