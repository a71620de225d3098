package de.pfd.grants.server.portal;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The applicant's whole way in one real browser (headless Chromium), as the issue tells
 * it: a visitor registers, the confirmation link is read in the demo's outbox page and
 * followed, the new applicant signs in, fills the form step by step with costs and
 * income, saves the draft, signs out, comes back and submits it with an offer uploaded;
 * it is returned with a note, revised and submitted again; staff check, approve and issue
 * the notice (through the API); the applicant downloads and confirms the notice, requests
 * the money, staff pay it out with four eyes; the applicant submits the proof of use with
 * a receipt copy and a photo; staff settle it with less than was paid, and the applicant
 * sees the refund claim. Every page: axe-core 0 violations, no CSP complaint; screenshots
 * {@code portal-journey-*.png}. In the portal's context
 * ({@link PortalBrowserTestSupport#CONTEXT}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class ApplicantJourneyBrowserTest extends PortalBrowserTestSupport {

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		.getBytes(StandardCharsets.ISO_8859_1);

	private static final String PASSWORD = "Wiesenweg-Abendrot-41";

	@Test
	void from_registration_to_the_refund_claim_with_a_browser_only() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "2000.00");
		String address = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Path files = Files.createDirectories(Path.of("target", "uploads")).toAbsolutePath();
		Path offer = Files.write(files.resolve("Angebot Honorar.pdf"), PDF);
		Path receipt = Files.write(files.resolve("Rechnung Honorar.pdf"), PDF);
		Path photo = Files.write(files.resolve("Workshop.png"), png());

		// register
		browser.driver.get(this.base + "/");
		page("visitor");
		browser.driver.findElement(By.linkText("Registrieren")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("displayName")));
		type("displayName", "Erika Muster");
		type("email", address);
		browser.driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("registrierung-gesendet")));
		page("registered");

		// the demo sends no mail: staff read it in the outbox page, the link is followed
		signIn("staff");
		browser.driver.findElement(By.id("zum-postausgang")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("mails")));
		page("outbox");
		WebElement mail = browser.driver.findElements(By.cssSelector("#mails > li"))
			.stream()
			.filter(li -> li.getText().contains("An: " + address))
			.findFirst()
			.orElseThrow();
		URI link = URI.create(mail.findElement(By.partialLinkText("/konto/bestaetigen")).getAttribute("href"));
		signOut();
		browser.driver.get(this.base + link.getRawPath() + "?" + link.getRawQuery());
		assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("E-Mail-Adresse bestätigt");

		// sign in, fill in the form step by step, save the draft
		signIn(address, PASSWORD);
		browser.driver.findElement(By.id("zu-den-antraegen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("neuer-antrag")));
		browser.driver.findElement(By.id("neuer-antrag")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("fundId")));
		new Select(browser.driver.findElement(By.id("fundId"))).selectByVisibleText("Aktionsfonds " + year);
		type("organisation", "Nachbarschaftsinitiative Velbert e.V.");
		new Select(browser.driver.findElement(By.id("legalForm"))).selectByValue("REGISTERED_ASSOCIATION");
		next();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
		type("title", "Demokratie vor Ort");
		type("summary", "Drei Workshops zur Kommunalpolitik");
		new Select(browser.driver.findElement(By.id("actionField"))).selectByValue("DEMOCRACY_PROMOTION");
		browser.driver.findElement(By.id("targetGroup-YOUTH")).sendKeys(Keys.SPACE);
		setDate("startDate", year + "-05-01");
		setDate("endDate", year + "-09-30");
		next();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("contactName")));
		type("contactName", "Erika Muster");
		type("email", address);
		// Enter in a field goes on to the next step
		browser.driver.findElement(By.id("address")).sendKeys("Friedrichstraße 1, 42551 Velbert", Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("costs-0-kind")));
		new Select(browser.driver.findElement(By.id("costs-0-kind"))).selectByValue("FEES");
		type("costs-0-description", "Honorare Referentinnen");
		type("costs-0-amount", "1.200,00");
		new Select(browser.driver.findElement(By.id("costs-1-kind"))).selectByValue("MATERIAL");
		type("costs-1-description", "Moderationsmaterial");
		type("costs-1-amount", "300,00");
		new Select(browser.driver.findElement(By.id("income-0-kind"))).selectByValue("OWN_FUNDS");
		type("income-0-amount", "100,00");
		browser.driver.findElement(By.id("speichern")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		// computed, not typed
		assertThat(browser.driver.findElement(By.id("requestedAmount")).getText()).isEqualTo("1.400,00 €");
		page("plan");
		signOut();

		// come back later: the draft is there
		signIn(address, PASSWORD);
		browser.driver.findElement(By.id("zu-den-antraegen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.linkText("Demokratie vor Ort")));
		assertThat(browser.driver.findElement(By.id("antraege")).getText()).contains("Entwurf");
		browser.driver.findElement(By.linkText("Demokratie vor Ort")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("unterlagen")));
		String id = browser.driver.getCurrentUrl().replaceAll(".*/antraege/([^/?#]+).*", "$1");
		// nothing chosen: said at the field
		browser.driver.findElement(By.id("hochladen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("unterlage-datei-error")));
		assertThat(browser.driver.findElement(By.id("unterlage-datei-error")).getText())
			.isEqualTo("Bitte wählen Sie eine Datei aus");
		// the offer for the fees of 1,000 EUR and more
		upload("OFFER", offer);
		page("draft-with-offer", "unterlagen");
		browser.driver.findElement(By.id("bearbeiten")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("schritt-von")));
		browser.driver.findElement(By.partialLinkText("Erklärungen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("declaration-NO_EARLY_START")));
		for (String declaration : List.of("NO_EARLY_START", "COMPLETE_AND_TRUE", "PRIVACY_NOTICE_READ")) {
			browser.driver.findElement(By.id("declaration-" + declaration)).sendKeys(Keys.SPACE);
		}
		next();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("einreichen")));
		assertThat(browser.driver.findElement(By.id("pruefen-beantragt")).getText()).isEqualTo("1.400,00 €");
		page("review");
		browser.driver.findElement(By.id("einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eingereicht")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Eingereicht");

		// returned with a note, revised, submitted again
		ok(this.api.post("staff", Api.formalCheck(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"Bitte nennen Sie die Termine der Workshops.\"}"));
		browser.driver.navigate().refresh();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("ueberarbeiten-hinweis")));
		assertThat(browser.driver.findElement(By.id("ueberarbeiten-hinweis")).getText())
			.isEqualTo("Bitte nennen Sie die Termine der Workshops.");
		page("returned");
		browser.driver.findElement(By.id("bearbeiten")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("schritt-von")));
		browser.driver.findElement(By.partialLinkText("Projekt")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
		browser.driver.findElement(By.id("summary")).clear();
		type("summary", "Drei Workshops zur Kommunalpolitik am 10. Mai, 14. Juni und 12. Juli");
		browser.driver.findElement(By.id("speichern")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("gespeichert")));
		browser.driver.findElement(By.partialLinkText("Prüfen und einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("einreichen")));
		browser.driver.findElement(By.id("einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("eingereicht")));
		assertThat(this.applications.status("staff", id)).isEqualTo("SUBMITTED");

		// staff: formal check, approval on the fast track, the notice
		ok(this.api.post("staff", Api.formalCheck(id), "{\"outcome\":\"ACCEPTED\"}"));
		ok(this.api.post("staff", Api.fastTrack(id), "{\"outcome\":\"APPROVED\",\"approvedAmount\":1400.00}"));
		this.applications.awaitReserved("staff", id);
		this.grants.issueNotice(id, "ZB-" + year + "-J");

		// the notice: downloaded and confirmed; the money requested
		browser.driver.get(this.base + "/antraege/" + id);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("bescheid-pdf")));
		HttpResponse<byte[]> notice = download(browser.driver.findElement(By.id("bescheid-pdf")).getAttribute("href"));
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(new String(notice.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		page("notice", "bescheid");
		browser.driver.findElement(By.id("bescheid-bestaetigen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("bestaetigt")));
		type("payout-amount", "1.400,00");
		type("payout-purpose", "Honorare und Material");
		browser.driver.findElement(By.id("abrufen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("abgerufen")));
		this.grants.payOutWithFourEyes(id,
				Grants.payout("1400.00", LocalDate.now(PartnershipCalendar.ZONE), "Abruf 1"));

		// the proof of use with a receipt copy and a photo
		browser.driver.get(this.base + "/antraege/" + id);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("auszahlungen")));
		assertThat(browser.driver.findElement(By.id("auszahlungen")).getText()).contains("1.400,00 €");
		upload("RECEIPT", receipt);
		upload("PHOTO", photo);
		assertThat(browser.driver.findElement(By.id("unterlagen-tabelle")).getText()).contains("Rechnung Honorar.pdf",
				"Workshop.png", "Angebot Honorar.pdf");
		type("proof-report", "Drei Workshops mit 45 Jugendlichen, Fotos anbei.");
		setDate("receipts-0-date", year + "-05-10");
		new Select(browser.driver.findElement(By.id("receipts-0-category"))).selectByVisibleText("Honorare");
		type("receipts-0-description", "Honorare Referentinnen");
		type("receipts-0-amount", "1.200,00");
		setDate("receipts-1-date", year + "-05-08");
		new Select(browser.driver.findElement(By.id("receipts-1-category"))).selectByVisibleText("Material");
		type("receipts-1-description", "Moderationsmaterial");
		type("receipts-1-amount", "150,00");
		setDate("income-0-date", year + "-07-12");
		type("income-0-description", "Eigenmittel");
		type("income-0-amount", "100,00");
		wait(ExpectedConditions.textToBe(By.id("summe-saldo"), "1.250,00 €"));
		// Enter in an amount computes the sums: it neither submits nor adds a row
		WebElement before = browser.driver.findElement(By.id("income-0-amount"));
		before.sendKeys(Keys.ENTER);
		wait(ExpectedConditions.stalenessOf(before));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Bewilligt");
		assertThat(browser.driver.findElement(By.id("receipts-1-amount")).getAttribute("value")).isEqualTo("150,00");
		assertThat(browser.driver.findElement(By.id("summe-saldo")).getText()).isEqualTo("1.250,00 €");
		assertThat(browser.driver.findElements(By.id("receipts-3-date"))).isEmpty();
		page("proof-of-use", "verwendung");
		browser.driver.findElement(By.id("nachweis-einreichen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("nachweis-eingereicht")));
		assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Verwendungsnachweis eingereicht");

		// settled with 1,250.00 of the 1,400.00 paid: 150.00 are claimed back
		JsonNode reviewed = ok(
				this.api.post("staff", Api.review(id), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":1250.00}"));
		assertThat(reviewed.get("status").asText()).isEqualTo("REFUND_DUE");
		browser.driver.get(this.base + "/antraege/" + id);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("rueckforderungen")));
		assertThat(browser.driver.findElement(By.id("rueckforderungen")).getText()).contains("150,00 €");
		assertThat(browser.driver.findElement(By.id("anerkannt")).getText()).isEqualTo("1.250,00 €");
		assertThat(browser.driver.findElement(By.id("sachbericht")).getText())
			.isEqualTo("Drei Workshops mit 45 Jugendlichen, Fotos anbei.");
		page("refund-claim", "rueckforderung");
		browser.assertNoCspViolations();
	}

	/** Checks the page (axe-core, WCAG 2.1 A/AA) and keeps its screenshot. */
	private static void page(String name) throws java.io.IOException {
		browser.assertNoViolations(name);
		browser.screenshot("journey-" + name);
	}

	/** As {@link #page(String)}, the screenshot showing the section. */
	private static void page(String name, String section) throws java.io.IOException {
		browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
				browser.driver.findElement(By.id(section)));
		page(name);
	}

	private void signIn(String user, String password) {
		browser.driver.get(this.base + "/login");
		browser.driver.findElement(By.id("username")).sendKeys(user);
		browser.driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("angemeldet")));
	}

	private static void signOut() {
		browser.driver.findElement(By.cssSelector(".grants-nav__signout button")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.linkText("Anmelden")));
	}

	private static void next() {
		browser.driver.findElement(By.id("weiter")).sendKeys(Keys.ENTER);
	}

	private static void upload(String kind, Path file) {
		new Select(browser.driver.findElement(By.id("unterlage-art"))).selectByValue(kind);
		browser.driver.findElement(By.id("unterlage-datei")).sendKeys(file.toString());
		browser.driver.findElement(By.id("hochladen")).sendKeys(Keys.ENTER);
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("hochgeladen")));
	}

	private static HttpResponse<byte[]> download(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] png() throws java.io.IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
