package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * The portal's pages over HTTP: the visitor's start page with the money still available,
 * "Meine Anträge" with next steps and deadlines, the application page with its history,
 * in German and in English; another applicant's application is 404, markup typed into a
 * title is shown as text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalPagesTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	private TestAccounts accounts;

	@BeforeEach
	void accounts() {
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
	}

	@Test
	void a_visitor_sees_the_funds_and_the_money_still_available_without_signing_in() {
		int year = TestYears.next();
		String fund = this.funds.open("YOUTH_FUND", year, "10000.00", null, "1000.00");
		this.applications.approved("applicant3", Drafts.youthConfirmed(Drafts.unrelated(fund, year)), "1000.00");

		Api.Response page = this.api.get(null, "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<html lang=\"de\"")
			.contains("Noch verfügbare Mittel")
			.contains("Jugendfonds " + year)
			.contains("10.000,00\u00a0€")
			.contains("9.000,00\u00a0€")
			.contains("href=\"/login\"")
			// no application, no person
			.doesNotContain("Demokratiewerkstatt")
			.doesNotContain("applicant3");

		Api.Response english = this.api.get(null, "/?lang=en");
		assertThat(english.body()).contains("<html lang=\"en\"")
			.contains("Money still available")
			.contains("Youth fund " + year)
			.contains("€9,000.00");
	}

	@Test
	void a_visitor_sees_each_open_funds_next_submission_deadline_and_its_periods() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "2000.00", "1500.00", "1000.00");
		this.funds.open("YOUTH_FUND", year, "1000.00", null, "500.00");
		// two rounds ahead: only the next one is shown
		this.api.post("staff", "/api/funds/" + fund + "/rounds",
				"{\"name\":\"Frühjahr\",\"submissionDeadline\":\"" + year + "-03-31\",\"budgetSharePercent\":50}");
		this.api.post("staff", "/api/funds/" + fund + "/rounds",
				"{\"name\":\"Herbst\",\"submissionDeadline\":\"" + year + "-09-30\",\"budgetSharePercent\":50}");

		String page = this.api.get(null, "/").body();
		String row = page.substring(page.indexOf("Aktionsfonds " + year + "</th>"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Frühjahr: 31.03." + year).doesNotContain("Herbst");
		String youth = page.substring(page.indexOf("Jugendfonds " + year + "</th>"));
		assertThat(youth.substring(0, youth.indexOf("</tr>"))).contains("laufend, solange Mittel verfügbar sind");
		assertThat(page).contains("Aktionsfonds " + year
				+ ": ausgezahlte Mittel innerhalb von 6 Wochen verwenden, Verwendungsnachweis spätestens 6 Wochen nach Projektende.");
	}

	@Test
	void my_applications_show_status_next_step_and_deadlines_and_the_page_of_each_its_history() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = this.accounts.create(Role.APPLICANT);
		String draft = this.applications.draft(applicant, Drafts.complete(fund, year));
		String approved = this.grants.confirmed(applicant,
				Drafts.complete(fund, year).replace("Demokratiewerkstatt", "Zukunftswerkstatt"), "800.00", "ZB-1");
		this.grants.payOut(applicant, approved, "500.00");

		Api.Response list = this.api.get(applicant, "/antraege");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Meine Anträge")
			.contains("/antraege/" + draft)
			.contains("/antraege/" + approved)
			.contains("Entwurf")
			.contains("Antrag vervollständigen und einreichen")
			.contains("Bewilligt")
			.contains("Mittel abrufen, Projekt durchführen, Verwendungsnachweis einreichen")
			.contains("Verwendungsnachweis bis")
			.contains("Mittel verwenden bis")
			.contains("Aktionsfonds " + year);

		// the list's next steps and deadlines come with the list (one query), in the API
		// too
		JsonNode listed = null;
		for (JsonNode a : Api.ok(this.api.get(applicant, Api.APPLICATIONS))) {
			if (a.get("id").asText().equals(approved)) {
				listed = a;
			}
		}
		assertThat(listed.get("grantProgress").get("fundsReserved").asBoolean()).isTrue();
		assertThat(listed.get("grantProgress").get("spendBy").asText()).isNotBlank();
		assertThat(listed.get("grantProgress").get("proofOfUseDueOn").asText()).isNotBlank();

		Api.Response page = this.api.get(applicant, "/antraege/" + approved);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Zukunftswerkstatt")
			.contains("Verlauf")
			.contains("Eingereicht")
			.contains("Bereit zur Entscheidung")
			.contains("800,00\u00a0€")
			.contains("500,00\u00a0€")
			.contains("Auszahlung")
			.contains("erlassen am")
			.contains("bestätigt am");
	}

	@Test
	void another_applicants_application_is_not_found_and_markup_in_a_title_is_text() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String owner = this.accounts.create(Role.APPLICANT);
		String id = this.applications.draft(owner,
				Drafts.complete(fund, year).replace("Demokratiewerkstatt", "<script>alert(1)</script>"));

		Api.Response foreign = this.api.get(this.accounts.create(Role.APPLICANT), "/antraege/" + id);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).contains("Seite nicht gefunden").doesNotContain("alert(1)");
		assertThat(this.api.get(owner, "/antraege/" + Applications.UNKNOWN).status()).isEqualTo(404);

		Api.Response own = this.api.get(owner, "/antraege/" + id);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
		assertThat(this.api.get(owner, "/antraege").body()).doesNotContain("<script>alert");

		// the form of another's application is not found either; the form is for
		// applicants
		assertThat(this.api.get(this.accounts.create(Role.APPLICANT), "/antraege/" + id + "/bearbeiten").status())
			.isEqualTo(404);
		assertThat(this.api.get(owner, "/antraege/" + id + "/bearbeiten").body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(this.api.get("staff", "/antraege/neu").status()).isEqualTo(403);
		assertThat(this.api.get("auditor", "/antraege/" + id + "/bearbeiten").status()).isEqualTo(403);

		// staff and auditors read every application of the partnership here too
		assertThat(this.api.get("auditor", "/antraege/" + id).status()).isEqualTo(200);
	}

	@Test
	void the_portal_pages_need_a_sign_in() {
		Api.Response list = this.api.get(null, "/antraege");
		assertThat(list.status()).isIn(302, 401);
	}

}
