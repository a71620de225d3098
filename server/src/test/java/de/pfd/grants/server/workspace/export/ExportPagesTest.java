package de.pfd.grants.server.workspace.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * The page "Exporte" over HTTP: for staff and auditors only, its four forms and what
 * their targets answer (the files, as the API's), a refused input shown at its field
 * (422), another partnership's fund not found.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class ExportPagesTest extends ApiTestSupport {

	static final String PAGE = "/pruefung/exporte";

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	CommandGateway commands;

	private String aFundWithAnApplication() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.APPLICANT);
		this.applications.approved(applicant, Drafts.complete(fund, year), "800.00");
		return fund;
	}

	@Test
	void staff_and_auditors_see_the_four_forms_members_and_applicants_do_not() {
		String fund = aFundWithAnApplication();

		for (String user : new String[] { "auditor", "staff" }) {
			Api.Response page = this.api.get(user, PAGE);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("<h1 class=\"kern-heading-large\">Exporte</h1>")
				.contains("action=\"/pruefung/exporte/fondsuebersicht\"", "action=\"/pruefung/exporte/buchungen\"",
						"action=\"/pruefung/exporte/antraege\"", "action=\"/pruefung/exporte/entscheidungen\"")
				.contains("id=\"statement-fund\"", "id=\"statement-asOf\"", "id=\"movements-format-xlsx\"",
						"id=\"decisions-format-csv\"")
				.contains("value=\"" + fund + "\"")
				.contains("Semikolon");
		}
		assertThat(this.api.get("auditor", PAGE + "?lang=en").body()).contains(">Exports</h1>");
		assertThat(this.api.get("board1", PAGE).status()).isEqualTo(403);
		assertThat(this.api.get("applicant1", PAGE).status()).isEqualTo(403);
		assertThat(this.api.get("applicant1", PAGE + "/buchungen?format=csv&fundId=" + fund).status()).isEqualTo(403);
	}

	@Test
	void the_forms_targets_answer_with_the_files() throws IOException {
		String fund = aFundWithAnApplication();
		Downloads downloads = new Downloads(this.port);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

		Downloads.File csv = downloads.get("auditor", PAGE + "/buchungen?fundId=" + fund + "&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.disposition()).contains("filename=\"" + fund + "-buchungen.csv\"");
		assertThat(csv.text()).startsWith("\uFEFFNr.;Gebucht am;");
		assertThat(ExportApiTest.parse(csv.text().substring(1))).extracting(r -> r.get("Betrag (EUR)"))
			.containsExactly("20000,00", "800,00");

		Downloads.File xlsx = downloads.get("staff", PAGE + "/antraege?fundId=&format=xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).isEqualTo(ExportApiTest.XLSX);
		assertThat(xlsx.disposition()).contains("filename=\"antraege.xlsx\"");
		assertThat(ExportApiTest.rows(xlsx.body()).size()).isGreaterThan(1);

		Downloads.File decisions = downloads.get("auditor", PAGE + "/entscheidungen?fundId=" + fund + "&format=csv");
		assertThat(decisions.status()).isEqualTo(200);
		assertThat(ExportApiTest.parse(decisions.text().substring(1))).extracting(r -> r.get("Bewilligt (EUR)"))
			.containsExactly("800,00");

		// a day as the date picker sends it, and as typed in German where there is none
		for (String asOf : new String[] { today.toString(), DateTimeFormatter.ofPattern("dd.MM.yyyy").format(today) }) {
			Downloads.File pdf = downloads.get("auditor", PAGE + "/fondsuebersicht?fundId=" + fund + "&asOf=" + asOf);
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.contentType()).isEqualTo("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			assertThat(pdf.disposition()).contains("filename=\"" + fund + "-fondsuebersicht-" + today + ".pdf\"");
		}
	}

	@Test
	void a_refused_input_is_shown_at_its_field_with_the_choice_kept() {
		String fund = aFundWithAnApplication();

		Api.Response badDay = this.api.get("auditor", PAGE + "/fondsuebersicht?fundId=" + fund + "&asOf=31.02.2026");
		assertThat(badDay.status()).isEqualTo(422);
		assertThat(badDay.body())
			.contains("<title>Fehler: Exporte", "id=\"fehler\"", "href=\"#statement-asOf\"",
					"id=\"statement-asOf-error\"", "aria-describedby=\"statement-asOf-hint statement-asOf-error\"",
					"value=\"31.02.2026\"", "Stichtag muss ein gültiger Tag")
			.containsPattern("value=\"" + fund + "\"\\s+selected");

		Api.Response noDay = this.api.get("auditor", PAGE + "/fondsuebersicht?fundId=" + fund + "&asOf=");
		assertThat(noDay.status()).isEqualTo(422);
		assertThat(noDay.body()).contains("Bitte geben Sie einen Stichtag an");

		Api.Response badFormat = this.api.get("staff", PAGE + "/buchungen?fundId=" + fund + "&format=pdf");
		assertThat(badFormat.status()).isEqualTo(422);
		assertThat(badFormat.body()).contains("href=\"#movements-format\"", "id=\"movements-format-error\"");

		Api.Response english = this.api.get("auditor",
				PAGE + "/fondsuebersicht?fundId=" + fund + "&asOf=gestern&lang=en");
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.body()).contains("asOf must be a valid day").doesNotContain("Stichtag muss");
	}

	@Test
	void another_partnerships_fund_is_not_found() {
		String fund = aFundWithAnApplication();
		PartnershipId elsewhere = new PartnershipId("export-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(elsewhere, "Partnerschaft " + elsewhere));
		String foreign = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.AUDITOR,
				elsewhere);

		for (String path : new String[] { "/fondsuebersicht?asOf=2026-01-01&fundId=", "/buchungen?format=csv&fundId=",
				"/antraege?format=xlsx&fundId=", "/entscheidungen?format=csv&fundId=" }) {
			Api.Response refused = this.api.get(foreign, PAGE + path + fund);
			assertThat(refused.status()).as(path).isEqualTo(404);
			assertThat(refused.contentType()).startsWith("text/html");
		}
		assertThat(this.api.get(foreign, PAGE).body()).doesNotContain(fund);
	}

}
