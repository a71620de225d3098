package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.votes;
import static de.pfd.grants.server.voting.VotingQueries.STEERING_BOARD;
import static de.pfd.grants.server.voting.VotingQueries.members;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * Conflicts of interest are found by organisation id, not by how a name is spelt; and a
 * member's rights follow the membership events: removed from the body, a member no longer
 * votes, sees the agenda or the body's applications, also in a vote that was open before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecusalByOrganisationApiTest extends VotingApiTestSupport {

	static final String KULTURVEREIN = "demo-kulturverein-mettmann";

	static final String VIELFALT = "demo-initiative-vielfalt-hilden";

	@Autowired
	AccountStore accounts;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void an_applicant_spelling_its_name_differently_no_longer_escapes_the_recusal_of_its_board_member() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// "eV" instead of "e.V.": the application is still filed for the Kulturverein
		String id = this.applications.inVoting("applicant1",
				Drafts.byOrganisation(Drafts.complete(fund, year), "Kulturverein Mettmann eV"));

		assertThat(this.queries.agendaItem("board2", id).get("recused").asBoolean()).isTrue();
		assertThat(this.queries.individualVotes("staff", id).get("board2").get("automatic").asBoolean()).isTrue();
		assertCode(this.api.post("board2", votes(id), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertThat(this.queries.agendaItem("board5", id).get("recused").asBoolean()).isFalse();
		assertThat(this.queries.agendaItem("board1", id).get("organisation").asText())
			.isEqualTo("Kulturverein Mettmann e.V.");
	}

	@Test
	void applying_under_another_organisation_s_name_recuses_nobody_of_that_organisation() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// applicant3 (Jugendtreff Erkrath) types the Kulturverein's name
		String id = this.applications.inVoting("applicant3", Drafts.complete(fund, year));

		assertThat(this.queries.agendaItem("board2", id).get("recused").asBoolean()).isFalse();
		this.applications.vote("board2", id, "YES");
		assertThat(this.queries.agendaItem("board1", id).get("organisation").asText()).isEqualTo("Jugendtreff Erkrath");
	}

	@Test
	void board_members_represent_organisations_by_id() {
		Map<String, JsonNode> board = members(this.queries.body("staff", STEERING_BOARD));
		assertThat(board.get("board2").get("organisationIds").toString()).contains(KULTURVEREIN);
		assertThat(board.get("board5").get("organisationIds").toString()).contains(VIELFALT);
		assertThat(board.get("board1").get("organisationIds")).isEmpty();
		String member = memberAccount();
		String path = Api.members(STEERING_BOARD);
		long events = events();
		assertProblem(
				this.api.post("staff", path,
						"{\"username\":\"" + member + "\",\"organisationIds\":[\"no-such-organisation\"]}"),
				400, "organisationIds");
		assertThat(events()).isEqualTo(events);
		try {
			JsonNode added = ok(this.api.post("staff", path,
					"{\"username\":\"" + member + "\",\"organisationIds\":[\"" + VIELFALT + "\"],\"voting\":false}"));
			JsonNode entry = members(added).get(member);
			assertThat(entry.get("organisationIds").toString()).contains(VIELFALT);
			assertThat(entry.get("organisation").asText()).isEqualTo("Initiative Vielfalt Hilden");
		}
		finally {
			ok(this.api.delete("staff", path + "/" + member));
		}
	}

	@Test
	void a_member_removed_while_a_vote_is_open_can_no_longer_vote_or_see_the_agenda_or_the_application() {
		String member = memberAccount();
		String path = Api.members(STEERING_BOARD);
		ok(this.api.post("staff", path, "{\"username\":\"" + member + "\"}"));
		String id;
		try {
			int year = TestYears.next("ACTION_FUND");
			String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
			id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
			assertThat(this.queries.agendaItem(member, id)).isNotNull();
			assertThat(ok(this.api.get(member, Api.application(id))).get("status").asText()).isEqualTo("IN_VOTING");
		}
		finally {
			ok(this.api.delete("staff", path + "/" + member));
		}
		long events = events();

		assertCode(this.api.post(member, votes(id), "{\"vote\":\"YES\"}"), 404, "NOT_FOUND");
		assertCode(this.api.post(member, Api.recusal(id), null), 404, "NOT_FOUND");
		assertThat(ok(this.api.get(member, Api.AGENDA))).isEmpty();
		assertCode(this.api.get(member, Api.application(id)), 404, "NOT_FOUND");
		assertThat(ok(this.api.get(member, Api.APPLICATIONS))).isEmpty();
		assertThat(events()).isEqualTo(events);
		// the others still vote in it
		this.applications.vote("board1", id, "YES");
	}

	/** A member account of its own (password demo), in no body yet. */
	private String memberAccount() {
		return new TestAccounts(this.accounts, this.passwords, this.jdbc).create(Role.MEMBER);
	}

}
