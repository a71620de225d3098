package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.WebForms;
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
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
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
		int year = TestYears.next("YOUTH_FUND");
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
		int year = TestYears.next("ACTION_FUND");
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
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String owner = this.accounts.create(Role.APPLICANT);
		String id = this.applications.draft(owner,
				Drafts.complete(fund, year).replace("Demokratiewerkstatt", "<script>alert(1)</script>"));

		Api.Response foreign = this.api.get(this.accounts.create(Role.APPLICANT), "/antraege/" + id);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).contains("Seite nicht gefunden").doesNotContain("alert(1)");
		assertThat(this.api.get(owner, "/antraege/" + Applications.UNKNOWN).status()).isEqualTo(404);
		assertThat(this.api.get(owner, "/antraege/" + Applications.UNKNOWN + "?lang=en").body())
			.contains("<html lang=\"en\"")
			.contains("Page not found");

		Api.Response own = this.api.get(owner, "/antraege/" + id);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
		assertThat(this.api.get(owner, "/antraege").body()).doesNotContain("<script>alert");

		// the form of another's application is not found either; the form is for
		// applicants
		assertThat(this.api.get(this.accounts.create(Role.APPLICANT), "/antraege/" + id + "/bearbeiten").status())
			.isEqualTo(404);
		assertThat(this.api.get(owner, "/antraege/" + id + "/bearbeiten").status()).isEqualTo(200);
		assertThat(this.api.get(owner, "/antraege/" + id + "/bearbeiten?schritt=projekt").body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert");
		assertThat(this.api.get(owner, "/antraege/" + id + "/bearbeiten?schritt=pruefen").body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert");
		assertThat(this.api.get("staff", "/antraege/neu").status()).isEqualTo(403);
		assertThat(this.api.get("auditor", "/antraege/" + id + "/bearbeiten").status()).isEqualTo(403);

		// staff and auditors read every application of the partnership here too
		assertThat(this.api.get("auditor", "/antraege/" + id).status()).isEqualTo(200);
	}

	@Test
	void the_form_goes_step_by_step_and_a_step_keeps_what_the_other_steps_saved() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.draft(applicant, Drafts.complete(fund, year));
		WebForms web = new WebForms(this.port).signIn(applicant);
		String form = "/antraege/" + id + "/bearbeiten";

		// without a step: the first; each step says where it is
		Api.Response first = web.get(form);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("Schritt 1 von 6").contains("aria-current=\"step\"");
		Api.Response project = web.get(form + "?schritt=projekt");
		assertThat(project.body()).contains("Schritt 2 von 6")
			.contains("value=\"Demokratiewerkstatt\"")
			.contains("href=\"" + form + "?schritt=kosten\"");

		// a title longer than the API allows: refused at its field by the API's own
		// limits,
		// the value kept, nothing saved
		Api.Response tooLong = web.post(form,
				List.of("schritt", "projekt", "title", "T".repeat(201), "aktion", "weiter"));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("id=\"title-error\"")
			.contains("href=\"" + form + "?schritt=projekt#title\"")
			.contains("value=\"" + "T".repeat(201) + "\"");
		assertThat(this.applications.get(applicant, id).get("title").asText()).isEqualTo("Demokratiewerkstatt");

		// the project step posts only its fields: the organisation and the plan stay
		Api.Response saved = web.post(form,
				List.of("schritt", "projekt", "title", "Werkstatt <b>Demokratie</b>", "summary", "Workshops",
						"actionField", "DEMOCRACY_PROMOTION", "targetGroups", "YOUTH", "targetGroups", "SENIORS",
						"startDate", year + "-05-01", "endDate", year + "-09-30", "aktion", "weiter"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith(form + "?schritt=antragsteller");
		JsonNode content = this.applications.get(applicant, id);
		assertThat(content.get("title").asText()).isEqualTo("Werkstatt <b>Demokratie</b>");
		assertThat(content.get("targetGroups")).hasSize(2);
		assertThat(content.get("applicant").get("contactName").asText()).isEqualTo("Erika Muster");
		assertThat(content.get("costs").get(0).get("amount").decimalValue()).isEqualByComparingTo("1200.00");

		// the plan step: the requested amount computed, the project stays
		assertThat(web.post(form,
				List.of("schritt", "kosten", "costs[0].kind", "FEES", "costs[0].description", "Honorare",
						"costs[0].amount", "1.500,00", "costs[1].kind", "", "costs[1].description", "",
						"costs[1].amount", "", "income[0].kind", "OWN_FUNDS", "income[0].description", "Eigenmittel",
						"income[0].amount", "250,00", "aktion", "speichern"))
			.location()).endsWith(form + "?schritt=kosten&gespeichert");
		content = this.applications.get(applicant, id);
		assertThat(content.get("requestedAmount").decimalValue()).isEqualByComparingTo("1250.00");
		assertThat(content.get("title").asText()).isEqualTo("Werkstatt <b>Demokratie</b>");
		assertThat(content.get("startDate").asText()).isEqualTo(year + "-05-01");
		Api.Response plan = web.get(form + "?schritt=kosten&gespeichert");
		assertThat(plan.body()).contains("Der Entwurf ist gespeichert.")
			.contains("1.500,00\u00a0€")
			.contains("1.250,00\u00a0€")
			.contains("16,7 %")
			.contains("Ab 1.000 EUR je Kostenposition sind drei schriftliche Angebote nötig")
			.contains("hx-post=\"/antraege/" + id + "/summen\"")
			.contains("aria-live=\"polite\"");

		// the declarations: all of them before the review, at the group and in the
		// summary
		Api.Response missing = web.post(form,
				List.of("schritt", "erklaerungen", "declarations", "NO_EARLY_START", "aktion", "weiter"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body()).contains("id=\"declarations-error\"")
			.contains("Bitte bestätigen Sie alle Erklärungen.")
			.contains("href=\"" + form + "?schritt=erklaerungen#declarations\"")
			.containsPattern("value=\"NO_EARLY_START\"\\s+checked");
		assertThat(this.applications.get(applicant, id).get("declarations")).isEmpty();
		assertThat(web.post(form,
				List.of("schritt", "erklaerungen", "declarations", "NO_EARLY_START", "declarations",
						"COMPLETE_AND_TRUE", "declarations", "PRIVACY_NOTICE_READ", "aktion", "weiter"))
			.location()).endsWith(form + "?schritt=pruefen");
		assertThat(this.applications.get(applicant, id).get("declarations")).hasSize(3);

		// the review: everything as text, the offers reminded, the declarations listed
		Api.Response review = web.get(form + "?schritt=pruefen");
		assertThat(review.body()).contains("Schritt 6 von 6")
			.contains("Werkstatt &lt;b&gt;Demokratie&lt;/b&gt;")
			.doesNotContain("<b>Demokratie")
			.contains("Für „Honorare“ (1.500,00\u00a0€) sind drei schriftliche Angebote nötig.")
			.contains("href=\"/antraege/" + id + "#unterlagen\"")
			.contains("Ich habe die Datenschutzhinweise gelesen.");
		Api.Response submitted = web.post("/antraege/" + id + "/einreichen", List.of());
		assertThat(submitted.status()).isEqualTo(302);
		assertThat(submitted.location()).endsWith("/antraege/" + id + "?eingereicht");
		assertThat(this.applications.status(applicant, id)).isEqualTo("SUBMITTED");
	}

	@Test
	void a_refused_submission_links_each_problem_to_its_step_and_field_and_the_api_takes_declarations() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = this.accounts.create(Role.APPLICANT);
		// the API takes the declarations as an optional field
		String id = this.applications.draft(applicant,
				Drafts.complete(fund, year)
					.replace("\"summary\":\"Workshops für Jugendliche\",", "")
					.replace("\"requestedAmount\":1000.00",
							"\"requestedAmount\":1000.00,\"declarations\":[\"NO_EARLY_START\"]"));
		assertThat(this.applications.get(applicant, id).get("declarations").get(0).asText())
			.isEqualTo("NO_EARLY_START");
		WebForms web = new WebForms(this.port).signIn(applicant);
		web.get("/antraege/" + id);

		// the web form wants every declaration
		Api.Response undeclared = web.post("/antraege/" + id + "/einreichen", List.of());
		assertThat(undeclared.status()).isEqualTo(422);
		assertThat(undeclared.body())
			.contains("href=\"/antraege/" + id + "/bearbeiten?schritt=erklaerungen#declarations\"");
		assertThat(this.applications.status(applicant, id)).isEqualTo("DRAFT");

		this.api.put(applicant, Api.application(id),
				Drafts.complete(fund, year)
					.replace("\"summary\":\"Workshops für Jugendliche\",", "")
					.replace("\"requestedAmount\":1000.00",
							"\"requestedAmount\":1000.00,\"declarations\":[\"NO_EARLY_START\",\"COMPLETE_AND_TRUE\","
									+ "\"PRIVACY_NOTICE_READ\"]"));
		Api.Response refused = web.post("/antraege/" + id + "/einreichen", List.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Schritt 6 von 6")
			.contains("href=\"/antraege/" + id + "/bearbeiten?schritt=projekt#summary\"")
			.contains("Kurzbeschreibung: Pflichtangabe");
		assertThat(this.applications.status(applicant, id)).isEqualTo("DRAFT");
	}

	@Test
	void the_sums_of_the_plan_come_as_a_fragment_for_htmx_and_nothing_is_saved() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.draft(applicant, Drafts.complete(fund, year));
		WebForms web = new WebForms(this.port).signIn(applicant);
		web.get("/antraege/" + id + "/bearbeiten?schritt=kosten");

		Api.Response sums = web.post("/antraege/" + id + "/summen",
				List.of("schritt", "kosten", "costs[0].kind", "FEES", "costs[0].amount", "1.200,00", "costs[1].kind",
						"MATERIAL", "costs[1].amount", "300,50", "costs[2].kind", "MATERIAL", "costs[2].amount",
						"12,3x", "income[0].kind", "OWN_FUNDS", "income[0].amount", "150"),
				"HX-Request", "true");
		assertThat(sums.status()).isEqualTo(200);
		assertThat(sums.body()).doesNotContain("<html")
			.contains("id=\"totalCosts\">1.500,50\u00a0€")
			.contains("id=\"totalIncome\">150,00\u00a0€")
			.contains("id=\"requestedAmount\">1.350,50\u00a0€")
			.contains("id=\"coFinancing\">10,0 %");
		assertThat(this.applications.get(applicant, id).get("requestedAmount").decimalValue())
			.isEqualByComparingTo("1000.00");

		// another applicant's application: not found
		WebForms other = new WebForms(this.port).signIn(this.accounts.create(Role.APPLICANT));
		other.get("/antraege");
		assertThat(other.post("/antraege/" + id + "/summen", List.of("costs[0].amount", "1,00"), "HX-Request", "true")
			.status()).isEqualTo(404);
	}

	@Test
	void a_form_with_every_field_and_no_step_still_saves_them_all() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.draft(applicant, Drafts.complete(fund, year));
		WebForms web = new WebForms(this.port).signIn(applicant);
		web.get("/antraege/" + id + "/bearbeiten");

		Api.Response saved = web.post("/antraege/" + id + "/bearbeiten",
				List.of("title", "Alles auf einmal", "summary", "Kurz", "actionField", "DIVERSITY", "startDate",
						year + "-06-01", "endDate", year + "-07-31", "legalForm", "REGISTERED_ASSOCIATION",
						"contactName", "Max Muster", "email", "max@example.org", "address", "Markt 2", "costs[0].kind",
						"RENT", "costs[0].amount", "300,00", "declarations", "NO_EARLY_START"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/antraege/" + id + "?gespeichert");
		JsonNode content = this.applications.get(applicant, id);
		assertThat(content.get("title").asText()).isEqualTo("Alles auf einmal");
		assertThat(content.get("applicant").get("contactName").asText()).isEqualTo("Max Muster");
		assertThat(content.get("costs")).hasSize(1);
		assertThat(content.get("income")).isEmpty();
		assertThat(content.get("requestedAmount").decimalValue()).isEqualByComparingTo("300.00");
		assertThat(content.get("declarations")).hasSize(1);

		// refused: the step of the first problem, nothing saved
		Api.Response refused = web.post("/antraege/" + id + "/bearbeiten",
				List.of("title", "Anders", "costs[0].kind", "RENT", "costs[0].amount", "drei Euro"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Schritt 4 von 6").contains("id=\"costs-0-amount-error\"");
		assertThat(this.applications.get(applicant, id).get("title").asText()).isEqualTo("Alles auf einmal");
	}

	@Test
	void a_new_application_is_drafted_when_leaving_the_first_step() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", null, null);
		String applicant = this.accounts.create(Role.APPLICANT);
		WebForms web = new WebForms(this.port).signIn(applicant);
		Api.Response first = web.get("/antraege/neu");
		assertThat(first.body()).contains("Schritt 1 von 6").contains("id=\"fundId\"").contains("id=\"organisation\"");

		Api.Response refused = web.post("/antraege/neu", List.of("schritt", "fonds", "fundId", "", "aktion", "weiter"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Bitte einen Fonds wählen.").contains("href=\"#fundId\"");

		Api.Response created = web.post("/antraege/neu", List.of("schritt", "fonds", "fundId", fund, "organisation",
				"Nachbarschaftshilfe e.V.", "legalForm", "REGISTERED_ASSOCIATION", "aktion", "weiter"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).matches(".*/antraege/[0-9a-f-]+/bearbeiten\\?schritt=projekt");
		String id = created.location().replaceAll(".*/antraege/([0-9a-f-]+)/.*", "$1");
		assertThat(this.applications.status(applicant, id)).isEqualTo("DRAFT");
		assertThat(web.get("/antraege/" + id + "/bearbeiten?schritt=antragsteller").body())
			.contains("Nachbarschaftshilfe e.V.");
	}

	@Test
	void the_portal_pages_need_a_sign_in() {
		Api.Response list = this.api.get(null, "/antraege");
		assertThat(list.status()).isIn(302, 401);
	}

}
