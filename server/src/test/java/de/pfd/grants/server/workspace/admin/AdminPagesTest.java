package de.pfd.grants.server.workspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.WebForms;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The administration's pages over HTTP: who may open them (staff; the accounts only the
 * partnership's administrators, as the API), and each refusal shown at its field with
 * HTTP 422, nothing changed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AdminPagesTest extends ApiTestSupport {

	private static final String[] PAGES = { "/verwaltung", "/verwaltung/partnerschaft", "/verwaltung/fonds",
			"/verwaltung/gremien", "/verwaltung/organisationen", "/verwaltung/konten" };

	@Test
	void auditors_members_and_applicants_may_not_open_the_administration() {
		for (String user : new String[] { "auditor", "board1", "youth1", "applicant1" }) {
			for (String page : PAGES) {
				assertThat(this.api.get(user, page).status()).as(user + " " + page).isEqualTo(403);
			}
		}
	}

	@Test
	void staff_open_every_section_and_only_administrators_the_accounts() {
		for (String page : PAGES) {
			Api.Response answer = this.api.get("staff", page);
			assertThat(answer.status()).as(page).isEqualTo(200);
			assertThat(answer.body()).contains("<h1");
		}
		assertThat(this.api.get("staff", "/verwaltung").body())
			.contains("<h1 class=\"kern-heading-large\">Verwaltung</h1>", "href=\"/verwaltung/konten\"");
		// staff2 is no administrator: the API refuses it the accounts, so does the page
		assertThat(this.api.get("staff2", "/api/accounts").status()).isEqualTo(403);
		assertThat(this.api.get("staff2", "/verwaltung/konten").status()).isEqualTo(403);
		assertThat(this.api.get("staff2", "/verwaltung").body()).doesNotContain("href=\"/verwaltung/konten\"")
			.contains("nur für Administratorinnen und Administratoren");
		WebForms staff2 = WebForms.signedIn(this.port, "staff2");
		staff2.get("/verwaltung");
		Api.Response invited = staff2.post("/verwaltung/konten", "email", unique(), "name", "Neu", "role", "AUDITOR");
		assertThat(invited.status()).isEqualTo(403);
	}

	@Test
	void the_pages_speak_english_on_request() {
		assertThat(this.api.get("staff", "/verwaltung?lang=en").body()).contains(">Administration</h1>");
		assertThat(this.api.get("staff", "/verwaltung/fonds?lang=en").body()).contains("Open a fund",
				"Cap per project");
	}

	@Test
	void the_partnership_settings_keep_to_the_apis_limits() {
		JsonNode now = Api.ok(this.api.get("staff", "/api/partnership/settings"));
		String fourEyes = now.get("fourEyesPayouts").asText();
		String days = now.get("processingTimeTargetDays").asText();
		WebForms staff = WebForms.signedIn(this.port, "staff");
		Api.Response page = staff.get("/verwaltung/partnerschaft");
		assertThat(page.body()).contains("value=\"" + days + "\"");
		long before = events();
		Api.Response tooLong = staff.post("/verwaltung/partnerschaft", "fourEyes", fourEyes, "targetDays", "400");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("id=\"targetDays-error\"", "365", "value=\"400\"");
		Api.Response unchosen = staff.post("/verwaltung/partnerschaft", "targetDays", days);
		assertThat(unchosen.status()).isEqualTo(422);
		assertThat(unchosen.body()).contains("id=\"fourEyes-error\"", "href=\"#fourEyes\"");
		assertThat(events()).isEqualTo(before);
		Api.Response saved = staff.post("/verwaltung/partnerschaft", "fourEyes", fourEyes, "targetDays", days);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(staff.get("/verwaltung/partnerschaft?gespeichert").body()).contains("Einstellungen gespeichert");
		assertThat(Api.ok(this.api.get("staff", "/api/partnership/settings")).get("processingTimeTargetDays").asText())
			.isEqualTo(days);
	}

	@Test
	void a_fund_opened_on_the_page_is_the_apis_and_a_second_one_of_the_year_is_refused() {
		int year = TestYears.next("ACTION_FUND");
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get("/verwaltung/fonds");
		Api.Response opened = staff.post("/verwaltung/fonds", "type", "ACTION_FUND", "year", String.valueOf(year),
				"budget", "35.000,00", "perProjectCap", "5.000", "fastTrackLimit", "500,00", "spendWithinWeeks", "",
				"proofOfUseDueWeeks", "", "receiptToleranceDays", "");
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).contains("/verwaltung/fonds/").endsWith("?eroeffnet");
		String fundId = opened.location().replaceAll(".*/verwaltung/fonds/([^?]+)\\?.*", "$1");
		JsonNode fund = this.funds.get("staff", fundId);
		assertThat(fund.get("budget").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(fund.get("perProjectCap").decimalValue()).isEqualByComparingTo("5000.00");
		assertThat(fund.get("fastTrackLimit").decimalValue()).isEqualByComparingTo("500.00");
		Api.Response page = staff.get("/verwaltung/fonds/" + fundId + "?eroeffnet");
		assertThat(page.body()).contains("Fonds eröffnet", "Aktionsfonds " + year, "35.000,00");

		long before = events();
		Api.Response again = staff.post("/verwaltung/fonds", "type", "ACTION_FUND", "year", String.valueOf(year),
				"budget", "1.000,00");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.body()).contains("id=\"year-error\"", "Für " + year + " gibt es schon einen Aktionsfonds.",
				"href=\"#year\"", "value=\"1.000,00\"");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_fund_with_a_bad_amount_or_year_is_not_opened() {
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get("/verwaltung/fonds");
		long before = events();
		Api.Response refused = staff.post("/verwaltung/fonds", "type", "", "year", "1999", "budget", "12,345",
				"perProjectCap", "0");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"budget-error\"", "Bitte einen Betrag in Euro angeben",
				"id=\"type-error\"", "Bitte ausfüllen.", "id=\"year-error\"", "2015", "id=\"perProjectCap-error\"",
				"aria-describedby=\"budget-hint budget-error\"", "value=\"12,345\"");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void the_budget_is_raised_and_cut_in_german_notation_but_never_below_the_money_reserved() {
		int year = TestYears.next("ACTION_FUND");
		String fundId = this.funds.open("ACTION_FUND", year, "5000.00", "5000.00", "1000.00");
		this.applications.approved("applicant3", Drafts.unrelated(fundId, year), "1000.00");
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/fonds/" + fundId;
		staff.get(page);

		Api.Response raised = staff.post(page + "/budget", "amount", "1.234,56", "reason", "Nachbewilligung Bund",
				"schluessel", UUID.randomUUID().toString());
		assertThat(raised.status()).isEqualTo(302);
		assertThat(this.funds.get("staff", fundId).get("budget").decimalValue()).isEqualByComparingTo("6234.56");
		assertThat(staff.get(page + "?angepasst").body()).contains("Budget geändert", "6.234,56");

		long before = events();
		Api.Response below = staff.post(page + "/budget", "amount", "-5.500,00", "reason", "Kürzung", "schluessel",
				UUID.randomUUID().toString());
		assertThat(below.status()).isEqualTo(422);
		assertThat(below.body()).contains("id=\"adjust-amount-error\"",
				"Das Budget darf nicht unter die gebundenen Mittel (1.000,00 Euro) fallen.", "value=\"-5.500,00\"");
		Api.Response bad = staff.post(page + "/budget", "amount", "zehn", "reason", "");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("id=\"adjust-amount-error\"", "id=\"adjust-reason-error\"");
		Api.Response zero = staff.post(page + "/budget", "amount", "0", "reason", "nichts");
		assertThat(zero.status()).isEqualTo(422);
		assertThat(zero.body()).contains("die Änderung darf nicht 0 sein");
		assertThat(events()).isEqualTo(before);
		assertThat(this.funds.get("staff", fundId).get("budget").decimalValue()).isEqualByComparingTo("6234.56");
	}

	@Test
	void call_rounds_keep_to_the_funds_year_and_the_waiting_list_policy_is_versioned() {
		int year = TestYears.next("YOUTH_FUND");
		String fundId = this.funds.open("YOUTH_FUND", year, "10000.00", null, null);
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/fonds/" + fundId;
		staff.get(page);
		Api.Response added = staff.post(page + "/runden", "name", "Frühjahr", "deadline", year + "-03-31", "share",
				"50");
		assertThat(added.status()).isEqualTo(302);
		assertThat(this.api.get("staff", Api.fund(fundId) + "/rounds").body()).contains("Frühjahr");

		Api.Response outside = staff.post(page + "/runden", "name", "Herbst", "deadline", (year + 1) + "-09-30",
				"share", "60");
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.body()).contains("id=\"round-deadline-error\"", "Die Frist muss im Förderjahr liegen");
		Api.Response tooMuch = staff.post(page + "/runden", "name", "Herbst", "deadline", year + "-09-30", "share",
				"60");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("id=\"round-share-error\"", "höchstens 100 %");
		Api.Response overHundred = staff.post(page + "/runden", "name", "", "deadline", "", "share", "101");
		assertThat(overHundred.status()).isEqualTo(422);
		assertThat(overHundred.body()).contains("id=\"round-name-error\"", "id=\"round-deadline-error\"",
				"id=\"round-share-error\"");

		Api.Response policy = staff.post(page + "/warteliste", "policy", "FIRST_THAT_FITS");
		assertThat(policy.status()).isEqualTo(302);
		assertThat(staff.get(page + "?warteliste").body()).contains("Wartelisten-Regel gespeichert",
				"id=\"warteliste-regel\">die erste, die passt<");
		assertThat(staff.post(page + "/warteliste", "policy", "ANY").status()).isEqualTo(422);
	}

	@Test
	void closing_asks_first_and_says_what_lapses_then_the_fund_takes_no_more_changes() {
		int year = TestYears.next("ACTION_FUND");
		String fundId = this.funds.open("ACTION_FUND", year, "3000.00", null, "1000.00");
		this.applications.approved("applicant3", Drafts.unrelated(fundId, year), "1000.00");
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/fonds/" + fundId;
		Api.Response confirm = staff.get(page + "/abschluss");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("Beim Abschluss verfallen 2.000,00", "Gebundenes Geld (1.000,00");
		assertThat(this.funds.get("staff", fundId).get("status").asText()).isEqualTo("OPEN");

		assertThat(staff.post(page + "/abschluss").status()).isEqualTo(302);
		JsonNode closed = this.funds.get("staff", fundId);
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("lapsed").decimalValue()).isEqualByComparingTo("2000.00");
		Api.Response after = staff.get(page + "?abgeschlossen");
		assertThat(after.body()).contains("Fonds abgeschlossen", "verfallen sind 2.000,00")
			.doesNotContain("id=\"budget-anpassen\"");
		Api.Response adjust = staff.post(page + "/budget", "amount", "100", "reason", "zu spät");
		assertThat(adjust.status()).isEqualTo(422);
		assertThat(adjust.body()).contains("Der Fonds ist abgeschlossen");
		Api.Response twice = staff.post(page + "/abschluss");
		assertThat(twice.status()).isEqualTo(422);
	}

	@Test
	void a_foreign_or_unknown_fund_is_not_found() {
		assertThat(this.api.get("staff", "/verwaltung/fonds/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void members_are_accounts_of_the_partnership_and_only_member_accounts_vote() {
		String body = youthForum();
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/gremien/" + body;
		staff.get(page);
		long before = events();
		Api.Response unknown = staff.post(page + "/mitglieder", "username", "niemand-" + UUID.randomUUID(),
				"organisation", "", "voting", "true");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("id=\"member-username-error\"", "Unbekanntes Konto");
		Api.Response staffVotes = staff.post(page + "/mitglieder", "username", "staff2", "voting", "true");
		assertThat(staffVotes.status()).isEqualTo(422);
		assertThat(staffVotes.body()).contains("id=\"member-voting-error\"", "Stimmrecht nur für Mitgliedskonten");
		Api.Response blank = staff.post(page + "/mitglieder", "username", " ");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("Bitte ausfüllen.");
		assertThat(events()).isEqualTo(before);

		Api.Response unknownOrganisation = staff.post(page + "/mitglieder", "username", "staff2", "organisationId",
				UUID.randomUUID().toString(), "voting", "false");
		assertThat(unknownOrganisation.status()).isEqualTo(422);
		assertThat(unknownOrganisation.body()).contains("id=\"member-organisationId-error\"",
				"Unbekannte Organisation");
		assertThat(events()).isEqualTo(before);

		String represented = organisation("Koordinierungsstelle " + UUID.randomUUID());
		Api.Response advisory = staff.post(page + "/mitglieder", "username", "staff2", "organisation",
				"Koordinierungsstelle", "organisationId", represented, "voting", "false");
		assertThat(advisory.status()).isEqualTo(302);
		JsonNode member = null;
		for (JsonNode b : Api.ok(this.api.get("staff", Api.DECISION_BODIES))) {
			for (JsonNode m : b.get("members")) {
				if (b.get("id").asText().equals(body) && "staff2".equals(m.get("username").asText())) {
					member = m;
				}
			}
		}
		assertThat(member).isNotNull();
		assertThat(member.get("voting").asBoolean()).isFalse();
		assertThat(member.get("organisationIds").toString()).contains(represented);
		assertThat(staff.get(page + "?hinzugefuegt").body()).contains("Mitglied hinzugefügt", "id=\"mitglied-staff2\"",
				"Koordinierungsstelle", "beratend");
		assertThat(staff.post(page + "/mitglieder/staff2/entfernen").status()).isEqualTo(302);
		assertThat(staff.get(page).body()).doesNotContain("id=\"mitglied-staff2\"");
	}

	@Test
	void voting_rules_are_checked_by_the_apis_limits() {
		String body = youthForum();
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/gremien/" + body;
		staff.get(page);
		long before = events();
		Api.Response refused = staff.post(page + "/regeln", "quorum", "100", "days", "0");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"rules-quorum-error\"", "99", "id=\"rules-days-error\"",
				"value=\"100\"");
		Api.Response words = staff.post(page + "/regeln", "quorum", "die Hälfte", "days", "14");
		assertThat(words.status()).isEqualTo(422);
		assertThat(words.body()).contains("Bitte eine ganze Zahl angeben.");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void an_organisation_merges_into_another_after_a_confirmation_but_never_into_itself() {
		String duplicate = organisation("Kulturverein Mettmann " + UUID.randomUUID());
		String survivor = organisation("Kulturverein Mettmann e. V. " + UUID.randomUUID());
		WebForms staff = WebForms.signedIn(this.port, "staff");
		String page = "/verwaltung/organisationen/" + duplicate;
		assertThat(staff.get("/verwaltung/organisationen").body()).contains("href=\"" + page + "\"");
		staff.get(page);
		long before = events();
		Api.Response itself = staff.post(page + "/zusammenfuehren", "into", duplicate, "bestaetigt", "ja");
		assertThat(itself.status()).isEqualTo(422);
		assertThat(itself.body()).contains("id=\"into-error\"",
				"Eine Organisation kann nicht mit sich selbst zusammengeführt werden");
		Api.Response unknown = staff.post(page + "/zusammenfuehren", "into", UUID.randomUUID().toString());
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("Unbekannte Organisation");
		Api.Response none = staff.post(page + "/zusammenfuehren", "into", "");
		assertThat(none.status()).isEqualTo(422);

		Api.Response confirm = staff.post(page + "/zusammenfuehren", "into", survivor);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("Zusammenführen bestätigen", "lässt sich nicht rückgängig machen");
		assertThat(events()).isEqualTo(before);
		Api.Response merged = staff.post(page + "/zusammenfuehren", "into", survivor, "bestaetigt", "ja");
		assertThat(merged.status()).isEqualTo(302);
		assertThat(merged.location()).contains("/verwaltung/organisationen/" + survivor);
		assertThat(this.api.get("staff", "/api/organisations/" + duplicate).json().get("mergedInto").asText())
			.isEqualTo(survivor);
		assertThat(staff.get("/verwaltung/organisationen/" + survivor + "?zusammengefuehrt=" + duplicate).body())
			.contains("id=\"zusammengefuehrt\"", "id=\"organisation-duplikate\"");
		assertThat(staff.get(page).body()).contains("id=\"schon-zusammengefuehrt\"")
			.doesNotContain("id=\"zusammenfuehren-form\"");
	}

	@Test
	void an_administrator_invites_an_account_and_the_use_cases_refusals_stand_at_their_fields() {
		WebForms staff = WebForms.signedIn(this.port, "staff");
		staff.get("/verwaltung/konten");
		Api.Response badAddress = staff.post("/verwaltung/konten", "email", "kein-at", "name", "Neu", "role",
				"AUDITOR");
		assertThat(badAddress.status()).isEqualTo(422);
		assertThat(badAddress.body()).contains("id=\"invite-email-error\"", "value=\"kein-at\"");
		Api.Response adminAuditor = staff.post("/verwaltung/konten", "email", unique(), "name", "Neu", "role",
				"AUDITOR", "administrator", "ja");
		assertThat(adminAuditor.status()).isEqualTo(422);
		assertThat(adminAuditor.body()).contains("id=\"invite-admin-error\"",
				"Nur Mitarbeitende können Administrator sein");
		Api.Response taken = staff.post("/verwaltung/konten", "email", "staff2@demo.invalid", "name", "Doppelt", "role",
				"STAFF");
		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.body()).contains("Für diese E-Mail-Adresse gibt es bereits ein Konto");

		String address = unique();
		Api.Response invited = staff.post("/verwaltung/konten", "email", address, "name", "Neue Prüferin", "role",
				"AUDITOR");
		assertThat(invited.status()).isEqualTo(302);
		assertThat(staff.get("/verwaltung/konten?eingeladen").body()).contains("Einladung verschickt", address,
				"Neue Prüferin", "noch nicht aktiv");
	}

	private String youthForum() {
		for (JsonNode body : Api.ok(this.api.get("staff", Api.DECISION_BODIES))) {
			if ("YOUTH_FORUM".equals(body.get("type").asText())) {
				return body.get("id").asText();
			}
		}
		throw new AssertionError("no youth forum");
	}

	private String organisation(String name) {
		return Api.created(this.api.post("staff", "/api/organisations",
				"{\"name\":\"" + name + "\",\"legalForm\":\"REGISTERED_ASSOCIATION\"}"))
			.get("id")
			.asText();
	}

	private static String unique() {
		return "neu-" + UUID.randomUUID() + "@example.org";
	}

}
