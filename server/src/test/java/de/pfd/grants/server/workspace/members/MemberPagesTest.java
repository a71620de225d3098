package de.pfd.grants.server.workspace.members;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.WebForms;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The members' pages over HTTP: only members reach them; a vote's page shows the version
 * voted on with its plan, the formal check's note, the fund's money and the deadline; the
 * vote and the recusal are refused at their field (no choice, no reason, a reason too
 * long) with nothing recorded, and accepted; the member of another body does not find the
 * application (404) and records nothing; an automatic recusal is shown without a form and
 * a vote from it is refused; a vote closed meanwhile is said so (409); the steering board
 * sees the youth forum's decisions "zur Kenntnis", the youth forum not the board's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MemberPagesTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void only_members_reach_the_members_pages() {
		for (String other : new String[] { "staff", "auditor", "applicant1" }) {
			assertThat(this.api.get(other, "/entscheidungen").status()).as(other).isEqualTo(403);
			assertThat(this.api.get(other, "/entscheidungen/beschluesse").status()).as(other).isEqualTo(403);
		}
		Api.Response agenda = this.api.get("board1", "/entscheidungen");
		assertThat(agenda.status()).isEqualTo(200);
		assertThat(agenda.body()).contains("<h1 class=\"kern-heading-large\">Zur Entscheidung</h1>");
		assertThat(this.api.get("youth1", "/entscheidungen/beschluesse").body())
			.contains("<h1 class=\"kern-heading-large\">Beschlüsse</h1>");
		assertThat(this.api.get("board1", "/entscheidungen/unbekannt").status()).isEqualTo(404);
	}

	@Test
	void a_circular_vote_s_page_shows_what_is_decided_and_takes_the_vote_and_its_change() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.submitted("applicant3", Drafts.unrelated(fund, year));
		ok(this.api.post("staff", Api.formalCheck(id),
				"{\"outcome\":\"ACCEPTED\",\"note\":\"Kostenplan geprüft, Angebote liegen vor\"}"));
		Instant closesAt = Instant.now().plus(Duration.ofDays(3).plusHours(4).plusMinutes(30));
		ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		String page = "/entscheidungen/" + id;

		assertThat(this.api.get("board1", "/entscheidungen").body()).contains("href=\"" + page + "\"")
			.contains("Umlaufverfahren")
			.contains("noch 3 Tage 4 Stunden")
			.contains("noch nicht abgestimmt");
		String body = this.api.get("board1", page).body();
		assertThat(body).contains("Zur Entscheidung: Demokratiewerkstatt")
			.contains("Jugendtreff Erkrath")
			.contains("Aktionsfonds " + year)
			.contains("Demokratieförderung")
			.contains("Fassung 1")
			.contains("Kostenplan geprüft, Angebote liegen vor")
			.contains("Honorare")
			.contains("id=\"summe-costs\">1.200,00\u00a0€")
			.contains("id=\"summe-income\">200,00\u00a0€")
			.contains("id=\"verfuegbar\">20.000,00\u00a0€")
			.contains("Sie haben noch nicht abgestimmt.")
			.contains("name=\"vote\"")
			.contains("name=\"reason\"");

		WebForms board1 = WebForms.signedIn(this.port, "board1");
		board1.get(page);
		Api.Response none = board1.post(page + "/stimme");
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.body()).contains("id=\"vote-error\"")
			.contains("Bitte wählen Sie Ja, Nein oder Enthaltung.")
			.contains("href=\"#vote-YES\"");
		assertThat(board1.post(page + "/stimme", "vote", "VIELLEICHT").status()).isEqualTo(422);
		assertThat(vote("board1", id)).isNull();

		Api.Response yes = board1.post(page + "/stimme", "vote", "YES");
		assertThat(yes.status()).isEqualTo(302);
		assertThat(yes.location()).endsWith(page + "?abgestimmt#stimme");
		assertThat(vote("board1", id)).isEqualTo("YES");
		assertThat(board1.get(page + "?abgestimmt").body()).contains("Ihre Stimme ist gespeichert.")
			.contains("Ihre Stimme bisher: Ja.")
			.contains("Stimme ändern");
		assertThat(board1.post(page + "/stimme", "vote", "ABSTAIN").status()).isEqualTo(302);
		assertThat(vote("board1", id)).isEqualTo("ABSTAIN");
		assertThat(this.api.get("board1", "/entscheidungen?lang=en").body()).contains("Abstain");
	}

	@Test
	void a_recusal_needs_a_reason_within_the_api_s_limit_and_ends_the_vote() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		String page = "/entscheidungen/" + id;
		WebForms board3 = WebForms.signedIn(this.port, "board3");
		board3.get(page);

		Api.Response missing = board3.post(page + "/befangenheit", "reason", "  ");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body()).contains("id=\"reason-error\"")
			.contains("Bitte begründen Sie Ihre Befangenheit.")
			.contains("aria-describedby=\"reason-error\"");
		String tooLong = "x".repeat(2001);
		Api.Response long_ = board3.post(page + "/befangenheit", "reason", tooLong);
		assertThat(long_.status()).isEqualTo(422);
		assertThat(long_.body()).contains("id=\"reason-error\"").contains(tooLong + "</textarea>");
		assertThat(recused("board3", id)).isFalse();

		Api.Response recused = board3.post(page + "/befangenheit", "reason", "Ich leite den Jugendtreff mit.");
		assertThat(recused.status()).isEqualTo(302);
		assertThat(recused("board3", id)).isTrue();
		String after = board3.get(page + "?befangen").body();
		assertThat(after).contains("Sie haben sich für befangen erklärt")
			.contains("Begründung: Ich leite den Jugendtreff mit.")
			.doesNotContain("name=\"vote\"");
		Api.Response refused = board3.post(page + "/stimme", "vote", "YES");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("nicht (mehr) stimmberechtigt");
		assertThat(vote("board3", id)).isNull();
	}

	@Test
	void the_member_of_another_body_finds_nothing_to_vote_on_and_records_nothing() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		String page = "/entscheidungen/" + id;

		assertThat(this.api.get("youth1", page).status()).isEqualTo(404);
		assertThat(this.api.get("youth1", "/entscheidungen").body()).doesNotContain(id);
		WebForms youth1 = WebForms.signedIn(this.port, "youth1");
		youth1.get("/entscheidungen");
		assertThat(youth1.post(page + "/stimme", "vote", "YES").status()).isEqualTo(404);
		assertThat(youth1.post(page + "/befangenheit", "reason", "egal").status()).isEqualTo(404);
		assertThat(votes(id)).doesNotContainKey("youth1");
	}

	@Test
	void an_automatic_recusal_is_shown_as_such_without_a_form_and_a_vote_from_it_is_refused() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// filed by applicant1 for the Kulturverein, which board2 represents
		String id = this.applications.inVoting("applicant1", Drafts.complete(fund, year));
		String page = "/entscheidungen/" + id;

		assertThat(this.api.get("board2", "/entscheidungen").body()).contains("automatisch befangen");
		String body = this.api.get("board2", page).body();
		assertThat(body).contains("Automatisch befangen: Ihre Organisation ist Antragstellerin")
			.contains("in der Sitzung")
			.doesNotContain("name=\"vote\"")
			.doesNotContain("name=\"reason\"");
		WebForms board2 = WebForms.signedIn(this.port, "board2");
		board2.get(page);
		Api.Response refused = board2.post(page + "/stimme", "vote", "YES");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("nicht (mehr) stimmberechtigt");
		assertThat(vote("board2", id)).isNull();
	}

	@Test
	void a_member_who_joined_after_the_vote_opened_is_shown_as_not_eligible_without_a_form() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		String member = new TestAccounts(this.accountStore, this.passwords, this.jdbc).create(Role.MEMBER);
		String body = Api.members("kreis-mettmann-steering-board");
		ok(this.api.post("staff", body, "{\"username\":\"" + member + "\"}"));
		try {
			assertThat(this.api.get(member, "/entscheidungen").body()).contains("nicht stimmberechtigt");
			String page = this.api.get(member, "/entscheidungen/" + id).body();
			assertThat(page).contains("id=\"nicht-stimmberechtigt\"")
				.contains("als die Abstimmung eröffnet wurde")
				.doesNotContain("name=\"vote\"")
				.doesNotContain("name=\"reason\"");
		}
		finally {
			ok(this.api.delete("staff", body + "/" + member));
		}
	}

	@Test
	void a_vote_closed_meanwhile_is_said_so_and_nothing_is_recorded() {
		int year = TestYears.next("YOUTH_FUND");
		String fund = this.funds.open("YOUTH_FUND", year, "10000.00", "2500.00", null);
		String id = this.applications.inVoting("applicant3", Drafts.youthConfirmed(Drafts.unrelated(fund, year)));
		String page = "/entscheidungen/" + id;
		WebForms youth2 = WebForms.signedIn(this.port, "youth2");
		youth2.get(page);
		ok(this.api.post("staff", Api.closure(id), "{}"));

		Api.Response late = youth2.post(page + "/stimme", "vote", "YES");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("Die Abstimmung ist geschlossen").contains("inzwischen geschlossen");
		assertThat(vote("youth2", id)).isNull();
		assertThat(youth2.get(page).body()).contains("wird nicht mehr abgestimmt");
	}

	@Test
	void the_board_sees_the_youth_forum_s_decisions_for_information_and_the_forum_not_the_board_s() {
		int year = TestYears.next("YOUTH_FUND");
		String youthFund = this.funds.open("YOUTH_FUND", year, "10000.00", "2500.00", null);
		String youth = this.applications.inVoting("applicant3",
				Drafts.youthConfirmed(Drafts.unrelated(youthFund, year)).replace("Demokratiewerkstatt", "Jugendcafé"));
		for (String member : new String[] { "youth1", "youth2", "youth3" }) {
			this.applications.vote(member, youth, "YES");
		}
		ok(this.api.post("staff", Api.closure(youth), "{\"conditions\":\"Fotos für die Website\"}"));
		int boardYear = TestYears.next("ACTION_FUND");
		String boardFund = this.funds.open("ACTION_FUND", boardYear, "20000.00", "5000.00", "1000.00");
		String board = this.applications.ready("applicant3", Drafts.unrelated(boardFund, boardYear));
		ok(this.api.post("staff", Api.fastTrack(board), "{\"outcome\":\"REJECTED\",\"note\":\"kein Bezug\"}"));

		String boardPage = this.api.get("board1", "/entscheidungen/beschluesse").body();
		String youthRow = row(boardPage, youth);
		assertThat(youthRow).contains("Jugendcafé")
			.contains("Jugendfonds " + year)
			.contains("zur Kenntnis")
			.contains("bewilligt")
			.contains("1.000,00\u00a0€")
			.contains("Fotos für die Website")
			.contains("Ja 3, Nein 0, Enthaltung 0, befangen 0");
		assertThat(row(boardPage, board)).contains("abgelehnt").doesNotContain("zur Kenntnis");
		String forumPage = this.api.get("youth1", "/entscheidungen/beschluesse").body();
		assertThat(row(forumPage, youth)).doesNotContain("zur Kenntnis");
		assertThat(forumPage).doesNotContain("beschluss-" + board);
	}

	/** The table row of the application's decision. */
	private static String row(String page, String id) {
		int start = page.indexOf("id=\"beschluss-" + id + "\"");
		assertThat(start).as("row of " + id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private Map<String, JsonNode> votes(String id) {
		Map<String, JsonNode> byMember = new HashMap<>();
		ok(this.api.get("staff", Api.recordedVotes(id))).forEach(v -> byMember.put(v.get("username").asText(), v));
		return byMember;
	}

	private String vote(String member, String id) {
		JsonNode vote = votes(id).get(member);
		return vote == null || vote.get("choice").isNull() ? null : vote.get("choice").asText();
	}

	private boolean recused(String member, String id) {
		return votes(id).get(member).get("recused").asBoolean();
	}

}
