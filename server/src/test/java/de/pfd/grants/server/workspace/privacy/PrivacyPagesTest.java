package de.pfd.grants.server.workspace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.WebForms;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The privacy page over HTTP (forms without JavaScript): staff only, in the admin
 * overview; the confirmation of an erasure refuses a missing reason and a missing
 * confirmation at their fields (HTTP 422, nothing changed) and offers no form for a file
 * that must still be kept; the export by address refuses a bad one at its field; the
 * retention periods are set on the partnership's page within 1..30 years.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class PrivacyPagesTest extends ApiTestSupport {

	private static final String PAGE = "/verwaltung/datenschutz";

	private String withdrawn(String fund, int year) {
		String id = this.applications.submitted("applicant1", Drafts.complete(fund, year));
		Api.ok(this.api.post("applicant1", Api.withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}"));
		return id;
	}

	@Test
	void only_staff_open_the_privacy_page_and_the_overview_leads_there() {
		for (String user : new String[] { "auditor", "board1", "youth1", "applicant1" }) {
			assertThat(this.api.get(user, PAGE).status()).as(user).isEqualTo(403);
			assertThat(this.api.get(user, PAGE + "/loeschung?antrag=" + Applications.UNKNOWN).status()).as(user)
				.isEqualTo(403);
			assertThat(this.api.get(user, PAGE + "/auskunft?privacyEmail=erika@example.org").status()).as(user)
				.isEqualTo(403);
		}
		Api.Response page = this.api.get("staff", PAGE);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 class=\"kern-heading-large\">Datenschutz</h1>", "Zur Löschung fällig",
				"Löschung auf Antrag", "Auskunft (Art. 15 und 20 DSGVO)", "Durchgeführte Löschungen");
		assertThat(this.api.get("staff", "/verwaltung").body()).contains("href=\"/verwaltung/datenschutz\"");
		assertThat(this.api.get("staff", PAGE + "?lang=en").body()).contains(">Privacy</h1>", "Due for erasure");
		assertThat(this.api.get("staff", PAGE + "/loeschung?antrag=" + Applications.UNKNOWN).status()).isEqualTo(404);
	}

	@Test
	void a_file_inside_its_period_offers_the_erasure_only_on_request_and_a_running_one_not_at_all() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", null, null);
		String withdrawn = withdrawn(fund, year);
		String running = this.applications.submitted("applicant1", Drafts.complete(fund, year));
		WebForms staff = WebForms.signedIn(this.port, "staff");

		Api.Response kept = staff.get(PAGE + "/loeschung?antrag=" + withdrawn);
		assertThat(kept.status()).isEqualTo(200);
		assertThat(kept.body())
			.contains("id=\"nicht-loeschbar\"", "Vorher ist eine Löschung nur auf Antrag", "id=\"auf-antrag-loeschen\"",
					"Demokratiewerkstatt", "zurückgezogen")
			.doesNotContain("id=\"loeschen-form\"");
		Api.Response onRequest = staff.get(PAGE + "/loeschung?antrag=" + withdrawn + "&aufAntrag=ja");
		assertThat(onRequest.body()).contains("id=\"loeschen-form\"", "name=\"_csrf\"", "id=\"privacyReason\"",
				"id=\"privacyConfirmed\"", "kann nicht rückgängig gemacht werden", "auf Antrag der betroffenen Person");
		Api.Response runningPage = staff.get(PAGE + "/loeschung?antrag=" + running + "&aufAntrag=ja");
		assertThat(runningPage.body()).contains("id=\"nicht-loeschbar\"", "nicht abgeschlossen")
			.doesNotContain("id=\"loeschen-form\"", "id=\"auf-antrag-loeschen\"");
	}

	@Test
	void an_erasure_without_reason_or_confirmation_is_refused_at_its_fields_and_nothing_changes() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", null, null);
		String withdrawn = withdrawn(fund, year);
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get(PAGE + "/loeschung?antrag=" + withdrawn + "&aufAntrag=ja");
		long before = events();

		Api.Response refused = staff.post(PAGE + "/loeschung", "antrag", withdrawn, "aufAntrag", "ja", "privacyReason",
				" ");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"privacyReason-error\"", "Bitte geben Sie den Grund der Löschung an.",
				"id=\"privacyConfirmed-error\"", "Bitte bestätigen Sie", "href=\"#privacyReason\"",
				"href=\"#privacyConfirmed\"", "id=\"loeschen-form\"");
		Api.Response notConfirmed = staff.post(PAGE + "/loeschung", "antrag", withdrawn, "aufAntrag", "ja",
				"privacyReason", "Antrag vom 1. Dezember");
		assertThat(notConfirmed.status()).isEqualTo(422);
		assertThat(notConfirmed.body()).contains("id=\"privacyConfirmed-error\"", "Antrag vom 1. Dezember")
			.doesNotContain("id=\"privacyReason-error\"");
		// without the request the period stands: the refusal at the reason, nothing
		// erased
		Api.Response notRequested = staff.post(PAGE + "/loeschung", "antrag", withdrawn, "privacyReason",
				"Frist abgelaufen?", "privacyConfirmed", "ja");
		assertThat(notRequested.status()).isEqualTo(422);
		assertThat(notRequested.body()).contains("href=\"#privacyFile\"", "id=\"privacyFile\"", "noch aufzubewahren",
				"id=\"nicht-loeschbar\"");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void staff_erase_on_request_through_the_confirmation_and_the_page_lists_the_erasure() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", null, null);
		String withdrawn = withdrawn(fund, year);
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get(PAGE + "/loeschung?antrag=" + withdrawn + "&aufAntrag=ja");

		Api.Response erased = staff.post(PAGE + "/loeschung", "antrag", withdrawn, "aufAntrag", "ja", "privacyReason",
				"Schreiben der Antragstellerin", "privacyConfirmed", "ja");

		assertThat(erased.status()).isEqualTo(302);
		assertThat(erased.location()).endsWith(PAGE + "?geloescht=" + withdrawn);
		Api.Response page = staff.get(PAGE + "?geloescht=" + withdrawn);
		assertThat(page.body()).contains("id=\"geloescht\"", "Die personenbezogenen Daten wurden gelöscht.",
				"id=\"loeschungen-liste\"", withdrawn, "Schreiben der Antragstellerin");
		assertThat(staff.get(PAGE + "/loeschung?antrag=" + withdrawn + "&aufAntrag=ja").body())
			.contains("id=\"bereits-geloescht\"")
			.doesNotContain("id=\"loeschen-form\"");
		assertThat(
				Api.ok(this.api.get("staff", Api.application(withdrawn))).get("applicant").get("contactName").asText())
			.isEqualTo("erased");
	}

	@Test
	void the_export_by_address_is_a_download_and_a_bad_address_is_refused_at_its_field() {
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get(PAGE);

		Api.Response bad = staff.get(PAGE + "/auskunft?privacyEmail=keine-adresse");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("id=\"privacyEmail-error\"", "gültige E-Mail-Adresse",
				"value=\"keine-adresse\"");
		Api.Response download = staff.get(PAGE + "/auskunft?privacyEmail=erika@example.org");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).startsWith("application/json");
		assertThat(download.json().get("subject").asText()).isEqualTo("erika@example.org");
		assertThat(download.json().get("applications")).isNotNull();
	}

	@Test
	void the_retention_periods_are_set_on_the_partnerships_page_within_1_to_30_years() {
		WebForms staff = WebForms.signedIn(this.port, "staff");
		Api.Response page = staff.get("/verwaltung/partnerschaft");
		assertThat(page.body()).contains("id=\"retentionYears\"", "id=\"unsuccessfulRetentionYears\"",
				"Aufbewahrung der Förderakten (Jahre)");
		var now = Api.ok(this.api.get("staff", "/api/partnership/settings"));
		long before = events();
		Api.Response refused = staff.post("/verwaltung/partnerschaft", "fourEyes", now.get("fourEyesPayouts").asText(),
				"targetDays", now.get("processingTimeTargetDays").asText(), "retentionYears", "31",
				"unsuccessfulRetentionYears", "0");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"retentionYears-error\"", "id=\"unsuccessfulRetentionYears-error\"",
				"value=\"31\"");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void the_own_account_page_offers_the_download_of_ones_data() {
		WebForms applicant = WebForms.signedIn(this.port, "applicant1");
		Api.Response account = applicant.get("/konto");
		assertThat(account.body()).contains("Meine Daten herunterladen", "href=\"/api/me/data\"");
		Api.Response data = applicant.get("/api/me/data");
		assertThat(data.status()).isEqualTo(200);
		assertThat(data.json().get("account").get("username").asText()).isEqualTo("applicant1");
	}

}
