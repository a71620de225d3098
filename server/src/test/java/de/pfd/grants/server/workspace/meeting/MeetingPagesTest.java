package de.pfd.grants.server.workspace.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.WebForms;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The meeting pages over HTTP: staff only; preparing a meeting refused without a title
 * (German, at the field, 422); the agenda's what-if; votes recorded from the minutes
 * refused for a circular vote and for a member who may not vote in it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MeetingPagesTest extends ApiTestSupport {

	@Test
	void auditors_and_members_may_not_open_the_meeting_pages() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "10000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		for (String user : List.of("auditor", "board1", "youth1")) {
			assertThat(this.api.get(user, "/sitzungen").status()).as(user).isEqualTo(403);
			assertThat(this.api.get(user, "/bearbeitung/" + id + "/abstimmung").status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.get("staff", "/sitzungen").status()).isEqualTo(200);
		assertThat(this.api.get("staff", "/sitzungen/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void staff_prepare_a_meeting_and_see_the_second_application_go_to_the_waiting_list() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1500.00", "1500.00", "500.00");
		String first = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		String second = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		WebForms staff = new WebForms(this.port).signIn("staff");

		Api.Response refused = staff.post("/sitzungen", List.of("fonds", fund, "datum", year + "-06-03", "titel", " "));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Bitte prüfen Sie Ihre Angaben")
			.contains("href=\"#titel\"")
			.contains("Bitte geben Sie einen Titel mit höchstens 200 Zeichen an")
			.contains("aria-describedby=\"titel-error\"")
			.contains("value=\"" + year + "-06-03\"");

		Api.Response prepared = staff.post("/sitzungen",
				List.of("fonds", fund, "datum", year + "-06-03", "titel", "Sitzung im Juni"));
		assertThat(prepared.status()).isEqualTo(302);
		String meeting = prepared.location().replaceAll(".*/sitzungen/", "");
		assertThat(staff.get("/sitzungen").body()).contains("Sitzung im Juni");

		Api.Response badAmount = staff.post("/sitzungen/" + meeting + "/tagesordnung", List.of("antrag", first,
				"platz-" + first, "1", "betrag-" + first, "zwölf", "antrag", second, "platz-" + second, "2"));
		assertThat(badAmount.status()).isEqualTo(422);
		assertThat(badAmount.body()).contains("Bitte geben Sie einen Betrag in Euro an").contains("value=\"zwölf\"");

		Api.Response saved = staff.post("/sitzungen/" + meeting + "/tagesordnung",
				List.of("antrag", second, "platz-" + second, "2", "antrag", first, "platz-" + first, "1"));
		assertThat(saved.status()).isEqualTo(302);
		String page = staff.get("/sitzungen/" + meeting).body();
		String whatIf = page.split("id=\"vorschau\"")[1].split("</table>")[0];
		assertThat(whatIf).contains("angenommen bewilligt").contains("danach verfügbar");
		String[] rows = whatIf.split("<tr class=\"kern-table__row\"");
		// header, the first (reserved, 500,00 € left), the second (waiting list)
		assertThat(rows).hasSize(4);
		assertThat(rows[2]).contains("1. Demokratiewerkstatt").contains("500,00").contains("reserviert");
		assertThat(rows[3]).contains("2. Demokratiewerkstatt").contains("Warteliste");

		// a reduced amount for the what-if: both fit
		staff.post("/sitzungen/" + meeting + "/tagesordnung", List.of("antrag", first, "platz-" + first, "1",
				"betrag-" + first, "500,00", "antrag", second, "platz-" + second, "2"));
		String reduced = staff.get("/sitzungen/" + meeting).body().split("id=\"vorschau\"")[1].split("</table>")[0];
		assertThat(reduced).doesNotContain("Warteliste").contains("0,00");
	}

	@Test
	void recording_a_vote_for_a_circular_vote_is_refused_with_a_german_message() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "10000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		WebForms staff = new WebForms(this.port).signIn("staff");
		staff.get("/bearbeitung/" + id + "/abstimmung");
		String tooLate = java.time.LocalDateTime.now().plusDays(100).withNano(0).toString().substring(0, 16);
		Api.Response late = staff.post("/bearbeitung/" + id + "/abstimmung",
				List.of("verfahren", "CIRCULAR", "ende", tooLate));
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.body()).contains("höchstens 90 Tage")
			.contains("aria-describedby=\"ende-hint ende-error\"")
			.contains("value=\"" + tooLate + "\"");
		Api.Response opened = staff.post("/bearbeitung/" + id + "/abstimmung", List.of("verfahren", "CIRCULAR"));
		assertThat(opened.status()).isEqualTo(302);
		String page = staff.get("/bearbeitung/" + id + "/abstimmung").body();
		assertThat(page).contains("im Umlaufverfahren").doesNotContain("Stimmen erfassen");

		Api.Response refused = staff.post("/bearbeitung/" + id + "/abstimmung/stimmen",
				List.of("stimme-board1", "YES"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Im Umlaufverfahren stimmen die Mitglieder selbst ab");
		assertThat(Api.ok(this.api.get("staff", Api.recordedVotes(id))).findValues("choice"))
			.allMatch(choice -> choice.isNull());
	}

	@Test
	void a_member_who_may_not_vote_in_it_gets_no_vote_recorded() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "10000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		WebForms staff = new WebForms(this.port).signIn("staff");
		staff.get("/bearbeitung/" + id + "/abstimmung");
		assertThat(staff.post("/bearbeitung/" + id + "/abstimmung", List.of("verfahren", "MEETING")).status())
			.isEqualTo(302);

		Api.Response refused = staff.post("/bearbeitung/" + id + "/abstimmung/stimmen",
				List.of("stimme-youth1", "YES"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Das Mitglied gehört nicht zu den Stimmberechtigten dieser Abstimmung");

		Api.Response recorded = staff.post("/bearbeitung/" + id + "/abstimmung/stimmen",
				List.of("stimme-board1", "YES", "stimme-board2", "NO"));
		assertThat(recorded.status()).isEqualTo(302);
		String page = staff.get("/bearbeitung/" + id + "/abstimmung").body();
		assertThat(page).contains("Ja 1, Nein 1, Enthaltung 0; teilgenommen 2 von 7")
			.contains("Noch nicht beschlussfähig: nötig sind 4 Teilnehmende");
	}

	@Test
	void a_started_meeting_keeps_its_agenda_and_closes_only_once_every_item_is_decided() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "10000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		WebForms staff = new WebForms(this.port).signIn("staff");
		String meeting = staff
			.post("/sitzungen", List.of("fonds", fund, "datum", year + "-09-01", "titel", "Sitzung im September"))
			.location()
			.replaceAll(".*/sitzungen/", "");
		assertThat(staff.post("/sitzungen/" + meeting + "/tagesordnung", List.of("antrag", id)).status())
			.isEqualTo(302);
		assertThat(staff.post("/sitzungen/" + meeting + "/beginn", List.of()).status()).isEqualTo(302);
		assertThat(this.applications.status("staff", id)).isEqualTo("IN_VOTING");

		Api.Response changed = staff.post("/sitzungen/" + meeting + "/tagesordnung", List.of());
		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.body()).contains("Die Sitzung hat schon begonnen");
		Api.Response early = staff.post("/sitzungen/" + meeting + "/schluss", List.of());
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.body()).contains("ist noch nicht entschieden").contains("href=\"#schluss\"");
		assertThat(staff.get("/sitzungen/" + meeting + "?lang=en").body()).contains("Close the meeting")
			.contains("Votes as minuted")
			.contains("No quorum yet");
	}

}
