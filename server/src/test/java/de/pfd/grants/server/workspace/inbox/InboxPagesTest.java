package de.pfd.grants.server.workspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.WebForms;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The office's pages over HTTP: the inbox lists what waits with its age and moves an item
 * on once its step is taken; the applications list filters; the formal check and the fast
 * track take their step through the API's use cases and show a refusal at its field (422,
 * nothing changed); nobody but staff reaches them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class InboxPagesTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	private int year;

	private String fund;

	private String openFund() {
		this.year = TestYears.next("ACTION_FUND");
		this.fund = this.funds.open("ACTION_FUND", this.year, "35000.00", "5000.00", "500.00");
		return this.fund;
	}

	/** The rows of one kind's table of the inbox ("" while it has none). */
	static String tasks(String page, String kind) {
		int start = page.indexOf("id=\"tabelle-" + kind + "\"");
		return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
	}

	@Test
	void a_submitted_application_waits_for_its_formal_check_with_its_age_and_leaves_the_inbox_once_checked() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		WebForms staff = new WebForms(this.port).signIn("staff");

		Api.Response inbox = staff.get("/aufgaben");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.body()).contains("<h1 class=\"kern-heading-large\">Aufgaben</h1>");
		assertThat(tasks(inbox.body(), "FORMAL_CHECK")).contains("data-application=\"" + id + "\"")
			.contains("href=\"/bearbeitung/" + id + "/formalpruefung\"")
			.contains("heute");

		Api.Response checked = staff.post("/bearbeitung/" + id + "/formalpruefung", "outcome", "ACCEPTED", "note", "");
		assertThat(checked.status()).isEqualTo(302);
		assertThat(checked.location()).endsWith("/bearbeitung/" + id + "?geprueft=ACCEPTED");
		assertThat(this.applications.status("staff", id)).isEqualTo("READY_FOR_DECISION");

		String after = staff.get("/aufgaben").body();
		assertThat(tasks(after, "FORMAL_CHECK")).doesNotContain(id);
		assertThat(tasks(after, "OPEN_VOTE")).contains("href=\"/bearbeitung/" + id + "/abstimmung\"");
	}

	@Test
	void the_pages_speak_english_with_lang_en() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		assertThat(this.api.get("staff", "/aufgaben?lang=en").body())
			.contains("<h1 class=\"kern-heading-large\">Tasks</h1>", "Formal checks", "Check formally");
		assertThat(this.api.get("staff", "/bearbeitung?lang=en").body())
			.contains("<h1 class=\"kern-heading-large\">Applications</h1>", "Submitted");
		assertThat(this.api.get("staff", "/bearbeitung/" + id + "/formalpruefung?lang=en").body()).contains(
				"<h1 class=\"kern-heading-large\">Formal check</h1>", "checked by the system at submission",
				"requested €1,000.00; cap €5,000.00");
	}

	@Test
	void returning_without_a_note_is_refused_at_the_note_and_changes_nothing() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		WebForms staff = new WebForms(this.port).signIn("staff");
		staff.get("/bearbeitung/" + id + "/formalpruefung");

		Api.Response refused = staff.post("/bearbeitung/" + id + "/formalpruefung", "outcome", "RETURNED", "note", " ");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"note-error\"", "href=\"#note\"", "Bitte geben Sie einen Vermerk an")
			.contains("value=\"RETURNED\" checked=\"checked\"");
		assertThat(this.applications.status("staff", id)).isEqualTo("SUBMITTED");

		Api.Response none = staff.post("/bearbeitung/" + id + "/formalpruefung", "note", "Bitte Angebote beifügen");
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.body()).contains("id=\"outcome-error\"", "href=\"#outcome\"", "Bitte wählen Sie ein Ergebnis.");
		assertThat(none.body()).contains("Bitte Angebote beifügen");

		Api.Response returned = staff.post("/bearbeitung/" + id + "/formalpruefung", "outcome", "RETURNED", "note",
				"Bitte drei Angebote für die Honorare beifügen.");
		assertThat(returned.status()).isEqualTo(302);
		assertThat(this.applications.status("applicant3", id)).isEqualTo("RETURNED_FOR_REVISION");
		assertThat(this.api.get("applicant3", "/antraege/" + id).body())
			.contains("Bitte drei Angebote für die Honorare beifügen.");
	}

	@Test
	void the_formal_check_shows_the_facts_the_submission_rules_look_at() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		Api.Response page = this.api.get("staff", "/bearbeitung/" + id + "/formalpruefung");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 class=\"kern-heading-large\">Formale Prüfung</h1>")
			// cap, year, plan (1.200 − 200 = 1.000), co-financing, one item from 1.000
			// without offers
			.contains("beantragt 1.000,00\u00a0€; Höchstgrenze 5.000,00\u00a0€")
			.contains("Förderjahr " + this.year)
			.contains("1.200,00\u00a0€ − 200,00\u00a0€ = 1.000,00\u00a0€; beantragt 1.000,00\u00a0€")
			.contains("16,7 % der Gesamtkosten")
			.contains("1 Kostenposition ab diesem Betrag; kein Angebot hochgeladen")
			.contains("bei der Einreichung vom System geprüft");
	}

	@Test
	void the_fast_track_decides_up_to_the_limit_in_german_notation_and_refuses_above_it() {
		openFund();
		String small = this.applications.ready("applicant3", Drafts.small(this.fund, this.year));
		String large = this.applications.ready("applicant3", Drafts.unrelated(this.fund, this.year));
		WebForms staff = new WebForms(this.port).signIn("staff");
		Api.Response form = staff.get("/bearbeitung/" + small + "/schnellverfahren");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"400,00\"", "bis 500,00\u00a0€");

		Api.Response notAnAmount = staff.post("/bearbeitung/" + small + "/schnellverfahren", "outcome", "APPROVED",
				"amount", "vierhundert", "conditions", "", "note", "");
		assertThat(notAnAmount.status()).isEqualTo(422);
		assertThat(notAnAmount.body()).contains("id=\"amount-error\"", "value=\"vierhundert\"");

		Api.Response decided = staff.post("/bearbeitung/" + small + "/schnellverfahren", "outcome", "APPROVED",
				"amount", "350,50", "conditions", "Logo der Partnerschaft verwenden", "note", "");
		assertThat(decided.status()).isEqualTo(302);
		assertThat(decided.location()).endsWith("/bearbeitung/" + small + "?entschieden");
		var grant = this.applications.awaitGrant("staff", small);
		assertThat(grant.get("approvedAmount").decimalValue()).isEqualByComparingTo("350.50");
		assertThat(grant.get("conditions").asText()).isEqualTo("Logo der Partnerschaft verwenden");

		staff.get("/bearbeitung/" + large + "/schnellverfahren");
		Api.Response above = staff.post("/bearbeitung/" + large + "/schnellverfahren", "outcome", "APPROVED", "amount",
				"", "conditions", "", "note", "");
		assertThat(above.status()).isEqualTo(422);
		assertThat(above.body()).contains("über der Grenze des Schnellverfahrens");
		assertThat(this.applications.status("staff", large)).isEqualTo("READY_FOR_DECISION");

		Api.Response rejectWithoutReason = staff.post("/bearbeitung/" + large + "/schnellverfahren", "outcome",
				"REJECTED", "amount", "", "conditions", "", "note", "");
		assertThat(rejectWithoutReason.status()).isEqualTo(422);
		assertThat(this.applications.status("staff", large)).isEqualTo("READY_FOR_DECISION");
	}

	@Test
	void the_inbox_follows_a_payout_from_its_request_through_certification_to_the_release_by_a_second_person() {
		openFund();
		String id = this.applications.approved("applicant3", Drafts.small(this.fund, this.year), "400.00");
		assertThat(tasks(this.api.get("staff", "/aufgaben").body(), "ISSUE_NOTICE"))
			.contains("href=\"/bearbeitung/" + id + "/bescheid\"");
		this.grants.issueNotice(id, "ZB-" + this.year);
		Api.ok(this.api.post("applicant3", Api.noticeConfirmation(id), null));
		assertThat(tasks(this.api.get("staff", "/aufgaben").body(), "ISSUE_NOTICE")).doesNotContain(id);

		Api.ok(this.api.post("applicant3", Api.payoutRequests(id), "{\"amount\":250.00}"));
		String requested = this.api.get("staff", "/aufgaben").body();
		assertThat(tasks(requested, "CERTIFY_PAYOUT")).contains("href=\"/bearbeitung/" + id + "/auszahlungen\"")
			.contains("250,00\u00a0€");
		assertThat(tasks(requested, "RELEASE_PAYOUT")).doesNotContain(id);

		String payoutId = Api
			.ok(this.api.post("staff", Api.payouts(id),
					Grants.payout("250.00", LocalDate.now(PartnershipCalendar.ZONE), "AZ-1")))
			.get("payoutId")
			.asText();
		String certified = this.api.get("staff2", "/aufgaben").body();
		assertThat(tasks(certified, "CERTIFY_PAYOUT")).doesNotContain(id);
		assertThat(tasks(certified, "RELEASE_PAYOUT")).contains("data-application=\"" + id + "\"")
			.contains("250,00\u00a0€")
			.contains("Freigabe durch eine zweite Person");
		assertThat(this.api.get("staff2", "/bearbeitung/" + id).body()).contains("id=\"freigabe\"",
				"<td class=\"kern-table__cell\">staff</td>");

		Api.ok(this.api.post("staff2", Api.payoutRelease(id, payoutId), null));
		assertThat(tasks(this.api.get("staff", "/aufgaben").body(), "RELEASE_PAYOUT")).doesNotContain(id);
	}

	@Test
	void the_list_filters_by_fund_and_status_and_links_the_office_page() {
		openFund();
		String submitted = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		String approved = this.applications.approved("applicant3", Drafts.small(this.fund, this.year), "400.00");

		String all = this.api.get("staff", "/bearbeitung?fonds=" + this.fund).body();
		assertThat(all).contains("<h1 class=\"kern-heading-large\">Anträge</h1>", "2 Anträge, Seite 1 von 1")
			.contains("href=\"/bearbeitung/" + submitted + "\"", "href=\"/bearbeitung/" + approved + "\"")
			.contains("400,00\u00a0€");
		String onlySubmitted = this.api.get("staff", "/bearbeitung?fonds=" + this.fund + "&status=SUBMITTED").body();
		assertThat(onlySubmitted).contains(submitted).doesNotContain(approved);
		assertThat(this.api.get("staff", "/bearbeitung?fonds=" + Applications.UNKNOWN).body())
			.contains("Keine Anträge");
	}

	@Test
	void the_office_page_of_an_application_shows_its_plan_history_and_the_steps_its_status_allows() {
		openFund();
		String submitted = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		Api.Response page = this.api.get("staff", "/bearbeitung/" + submitted);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 class=\"kern-heading-large\" id=\"titel\">Demokratiewerkstatt</h1>")
			.contains("href=\"/bearbeitung/" + submitted + "/formalpruefung\"")
			.contains("id=\"kosten\"", "Honorare", "id=\"summe-kosten\"", "id=\"verlauf-liste\"", "Eingereicht")
			.doesNotContain("/pruefung/entscheidungen/");

		String approved = this.applications.approved("applicant3", Drafts.small(this.fund, this.year), "400.00");
		assertThat(this.api.get("staff", "/bearbeitung/" + approved).body())
			.contains("href=\"/bearbeitung/" + approved + "/bescheid\"",
					"href=\"/bearbeitung/" + approved + "/korrektur\"",
					"href=\"/pruefung/entscheidungen/" + approved + "\"")
			.doesNotContain("/formalpruefung");
	}

	@Test
	void only_staff_reach_the_office_pages_and_an_unknown_application_is_not_found() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		for (String user : new String[] { "auditor", "board1", "applicant3" }) {
			for (String path : new String[] { "/aufgaben", "/bearbeitung", "/bearbeitung/" + id,
					"/bearbeitung/" + id + "/formalpruefung", "/bearbeitung/" + id + "/schnellverfahren" }) {
				assertThat(this.api.get(user, path).status()).as("%s %s", user, path).isEqualTo(403);
			}
		}
		WebForms applicant = new WebForms(this.port).signIn("applicant3");
		applicant.get("/antraege");
		assertThat(applicant.post("/bearbeitung/" + id + "/formalpruefung", "outcome", "ACCEPTED").status())
			.isEqualTo(403);
		assertThat(this.applications.status("staff", id)).isEqualTo("SUBMITTED");
		for (String path : new String[] { "/bearbeitung/" + Applications.UNKNOWN,
				"/bearbeitung/" + Applications.UNKNOWN + "/formalpruefung",
				"/bearbeitung/" + Applications.UNKNOWN + "/schnellverfahren" }) {
			assertThat(this.api.get("staff", path).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void staff_of_another_partnership_do_not_find_the_application_nor_see_it_waiting() {
		openFund();
		String id = this.applications.submitted("applicant3", Drafts.unrelated(this.fund, this.year));
		String stranger = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.STAFF,
				new PartnershipId("kreis-wesel"));
		for (String path : new String[] { "/bearbeitung/" + id, "/bearbeitung/" + id + "/formalpruefung",
				"/bearbeitung/" + id + "/schnellverfahren" }) {
			assertThat(this.api.get(stranger, path).status()).as(path).isEqualTo(404);
		}
		Api.Response inbox = this.api.get(stranger, "/aufgaben");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.body()).doesNotContain(id);
		assertThat(this.api.get(stranger, "/bearbeitung").body()).doesNotContain(id);
		WebForms forms = new WebForms(this.port).signIn(stranger);
		forms.get("/aufgaben");
		assertThat(forms.post("/bearbeitung/" + id + "/formalpruefung", "outcome", "ACCEPTED").status()).isEqualTo(404);
		assertThat(this.applications.status("staff", id)).isEqualTo("SUBMITTED");
	}

}
