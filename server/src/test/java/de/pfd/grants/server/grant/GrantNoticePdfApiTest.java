package de.pfd.grants.server.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * The grant notice as a PDF ({@code GET /api/applications/{id}/notice}): what it states
 * (read back with PDFBox), that it is PDF/A-3b with its fonts embedded, and who may read
 * it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GrantNoticePdfApiTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void the_issued_notice_states_amount_title_period_conditions_and_anbest_p_in_german() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		String id = this.applications.ready(applicant, Drafts.complete(fund, year));
		Api.ok(this.api.post("staff", Api.fastTrack(id),
				"{\"outcome\":\"APPROVED\",\"approvedAmount\":900.00,\"conditions\":\"Teilnahmeliste beifügen\"}"));
		this.applications.awaitReserved(applicant, id);

		// before it is issued there is no notice
		Api.assertCode(this.api.get(applicant, Api.notice(id)), 409, "WRONG_STATUS");

		this.grants.issueNotice(id, "ZB-" + year + "-17");
		Api.Download pdf = this.api.download(applicant, Api.notice(id));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		Path saved = Files.createDirectories(Path.of("target", "screenshots")).resolve("grant-notice.pdf");
		Files.write(saved, pdf.body());
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = text(document);
			assertThat(text).contains("Zuwendungsbescheid / Weiterleitungsvertrag")
				.contains("Partnerschaft für Demokratie Kreis Mettmann")
				.contains("Aktionsfonds " + year)
				.contains("Kulturverein Mettmann e.V.")
				.contains("Demokratiewerkstatt")
				.contains("01.05." + year + " bis 30.09." + year)
				.contains("900,00 €")
				.contains("Teilnahmeliste beifügen")
				.contains("ANBest-P")
				.contains("Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung")
				.contains("ZB-" + year + "-17")
				.contains("6 Wochen nach Auszahlung");
			// PDF/A-3b, every font embedded
			String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
			assertThat(xmp).containsPattern("pdfaid:part(>|=\")3").containsPattern("pdfaid:conformance(>|=\")B");
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).contains("FiraSans");
				}
			}
		}

		// once confirmed, the notice says so and names the proof of use's due day
		Api.ok(this.api.post(applicant, Api.noticeConfirmation(id), null));
		try (PDDocument document = Loader.loadPDF(this.api.download(applicant, Api.notice(id)).body())) {
			assertThat(text(document)).contains("Bestätigt und die Auflagen angenommen am").contains("11.11." + year);
		}
	}

	/** The text as read, in the order of the lines on the page. */
	private static String text(PDDocument document) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper.getText(document).replace('\u00a0', ' ');
	}

	@Test
	void the_notice_is_for_the_applicant_staff_and_auditors_and_not_found_for_anyone_else() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		TestAccounts accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
		String applicant = accounts.create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(fund, year), "800.00");
		this.grants.issueNotice(id, "ZB-" + year);

		assertThat(this.api.download("staff", Api.notice(id)).status()).isEqualTo(200);
		assertThat(this.api.download("auditor", Api.notice(id)).status()).isEqualTo(200);
		Api.Response foreign = this.api.get(accounts.create(Role.APPLICANT), Api.notice(id));
		Api.assertCode(foreign, 404, "NOT_FOUND");
		Api.assertCode(this.api.get(applicant, Api.notice(Applications.UNKNOWN)), 404, "NOT_FOUND");
		assertThat(this.api.get(null, Api.notice(id)).status()).isEqualTo(401);
		// the deciding body reads the application, but not the applicant's grant file:
		// the
		// notice names the contact and the address (and the portal's pages are not
		// theirs)
		assertThat(this.api.get("board1", Api.application(id)).status()).isEqualTo(200);
		Api.assertCode(this.api.get("board1", Api.notice(id)), 404, "NOT_FOUND");
		assertThat(this.api.get("board1", "/antraege/" + id).status()).isEqualTo(403);
		assertThat(this.api.get("board1", "/antraege/" + id + "/bescheid.pdf").status()).isEqualTo(403);
	}

}
