package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.closure;
import static de.pfd.grants.server.Api.decisions;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.recordedVotes;
import static de.pfd.grants.server.Api.recusal;
import static de.pfd.grants.server.Api.votes;
import static de.pfd.grants.server.Api.voting;
import static de.pfd.grants.server.Applications.statuses;
import static de.pfd.grants.server.Drafts.complete;
import static de.pfd.grants.server.Drafts.youthConfirmed;
import static de.pfd.grants.server.Json.strings;
import static de.pfd.grants.server.Json.text;
import static de.pfd.grants.server.voting.VotingQueries.STEERING_BOARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;

/**
 * Votes over real HTTP: opening a vote and casting votes, by the steering board on the
 * action fund and by the youth forum on the youth fund, up to the approval that reserves
 * the money. The other voting API tests: {@link RecusalAndQuorumApiTest},
 * {@link ClosureAndFastTrackApiTest}, {@link WaitingListAndGrantNoticeApiTest},
 * {@link DecisionBodiesApiTest} and {@link VotingHostileInputApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VotingApiTest extends VotingApiTestSupport {

	@Test
	void the_steering_board_decides_with_automatic_recusal_and_the_approval_reserves_the_money() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.ready("applicant1", complete(fund, year));
		assertThat(this.queries.agendaItem("board1", id)).isNull();
		int ruleVersion = this.queries.body("board1", STEERING_BOARD).get("rules").get("version").asInt();

		JsonNode opened = ok(this.api.post("staff", voting(id), "{\"procedure\":\"MEETING\"}"));

		assertThat(opened.get("status").asText()).isEqualTo("IN_VOTING");
		JsonNode item = this.queries.agendaItem("board1", id);
		assertThat(item).isNotNull();
		assertThat(item.get("procedure").asText()).isEqualTo("MEETING");
		assertThat(item.get("version").asInt()).isEqualTo(1);
		assertThat(item.get("requestedAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(item.get("content").get("title").asText()).isEqualTo("Demokratiewerkstatt");
		assertThat(item.get("content").get("costs").get(0).get("amount").decimalValue())
			.isEqualByComparingTo("1200.00");
		assertThat(text(item, "ownVote")).isNull();
		assertThat(item.get("eligible").asBoolean()).isTrue();
		assertThat(item.get("recused").asBoolean()).isFalse();
		// board2's organisation is the applicant: recused without asking
		assertThat(this.queries.agendaItem("board2", id).get("recused").asBoolean()).isTrue();
		assertCode(this.api.post("board2", votes(id), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");

		this.applications.vote("board1", id, "YES");
		this.applications.vote("board3", id, "YES");
		this.applications.vote("board4", id, "YES");
		this.applications.vote("board5", id, "NO");

		// not before the youth forum: it does not exist for its members (no existence
		// oracle)
		assertCode(this.api.post("youth1", votes(id), "{\"vote\":\"YES\"}"), 404, "NOT_FOUND");
		assertProblem(this.api.post("applicant1", votes(id), "{\"vote\":\"YES\"}"), 403, null);
		assertThat(this.queries.agendaItem("board1", id).get("ownVote").asText()).isEqualTo("YES");
		assertThat(this.queries.agendaItem("board5", id).get("ownVote").asText()).isEqualTo("NO");
		Map<String, JsonNode> individual = this.queries.individualVotes("staff", id);
		assertThat(individual).containsOnlyKeys("board1", "board2", "board3", "board4", "board5", "board6", "board7");
		assertThat(individual.get("board1").get("choice").asText()).isEqualTo("YES");
		assertThat(individual.get("board5").get("choice").asText()).isEqualTo("NO");
		assertThat(text(individual.get("board6"), "choice")).isNull();
		assertThat(individual.get("board2").get("recused").asBoolean()).isTrue();
		assertThat(individual.get("board2").get("automatic").asBoolean()).isTrue();
		assertThat(this.queries.individualVotes("auditor", id)).containsOnlyKeys(individual.keySet());
		assertProblem(this.api.get("applicant1", recordedVotes(id)), 403, null);
		assertProblem(this.api.get("board1", recordedVotes(id)), 403, null);

		JsonNode closed = ok(this.api.post("staff", closure(id),
				"{\"approvedAmount\":800.00,\"conditions\":\"Teilnehmerlisten sind vorzulegen\"}"));

		assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
		JsonNode grant = this.applications.awaitGrant("staff", id);
		assertThat(grant.get("approvedAmount").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(grant.get("conditions").asText()).isEqualTo("Teilnehmerlisten sind vorzulegen");
		assertThat(grant.get("fundsReserved").asBoolean()).isTrue();
		JsonNode figures = ok(this.api.get("staff", fund(fund)));
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("19200.00");

		JsonNode decision = this.queries.decision("staff", fund, id);
		assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(decision.get("decidedBy").asText()).isEqualTo("STEERING_BOARD");
		assertThat(decision.get("approvedAmount").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(decision.get("conditions").asText()).isEqualTo("Teilnehmerlisten sind vorzulegen");
		assertThat(decision.get("ruleVersion").asInt()).isEqualTo(ruleVersion);
		assertThat(decision.get("version").asInt()).isEqualTo(1);
		JsonNode tally = decision.get("tally");
		assertThat(tally.get("yes").asInt()).isEqualTo(3);
		assertThat(tally.get("no").asInt()).isEqualTo(1);
		assertThat(tally.get("abstain").asInt()).isZero();
		assertThat(tally.get("eligible").asInt()).isEqualTo(6);
		assertThat(tally.get("participating").asInt()).isEqualTo(4);
		assertThat(tally.get("quorumRequired").asInt()).isEqualTo(4);
		assertThat(tally.get("quorumReached").asBoolean()).isTrue();
		assertThat(strings(tally.get("recused"))).containsExactly("board2");
		// members see their own body's decisions, the youth forum not the
		// steering board's
		assertThat(this.queries.decision("board1", fund, id)).isNotNull();
		assertThat(this.queries.decision("youth1", fund, id)).isNull();
		assertThat(this.queries.decision("auditor", fund, id)).isNotNull();
		assertProblem(this.api.get("applicant1", decisions(fund)), 403, null);
		assertThat(this.queries.agendaItem("board1", id)).isNull();
		assertThat(statuses(ok(this.api.get("applicant1", application(id))))).containsSubsequence("READY_FOR_DECISION",
				"IN_VOTING", "APPROVED");
	}

	@Test
	void the_youth_forum_decides_the_youth_fund_and_the_steering_board_has_no_say() {
		int year = TestYears.next("YOUTH_FUND");
		String fund = this.funds.open("YOUTH_FUND", year, "10000.00", "2500.00", null);
		String confirmed = this.applications.inVoting("applicant3", youthConfirmed(complete(fund, year)));
		String group = this.applications.inVoting("applicant3",
				complete(fund, year).replace("REGISTERED_ASSOCIATION", "INFORMAL_YOUTH_GROUP"));
		assertThat(this.queries.agendaItem("youth1", confirmed)).isNotNull();
		assertThat(this.queries.agendaItem("board1", confirmed)).isNull();
		long events = events();
		assertCode(this.api.post("board1", votes(confirmed), "{\"vote\":\"YES\"}"), 404, "NOT_FOUND");
		assertCode(this.api.post("board1", recusal(group), null), 404, "NOT_FOUND");
		assertThat(events()).isEqualTo(events);

		this.applications.vote("youth1", confirmed, "YES");
		this.applications.vote("youth2", confirmed, "YES");
		this.applications.vote("youth3", confirmed, "YES");
		JsonNode approved = ok(this.api.post("staff", closure(confirmed), null));
		this.applications.vote("youth1", group, "NO");
		this.applications.vote("youth2", group, "NO");
		this.applications.vote("youth4", group, "YES");
		JsonNode rejected = ok(this.api.post("staff", closure(group), null));

		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(this.applications.awaitGrant("applicant3", confirmed).get("approvedAmount").decimalValue())
			.isEqualByComparingTo("1000.00");
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		JsonNode decision = this.queries.decision("youth1", fund, confirmed);
		assertThat(decision.get("decidedBy").asText()).isEqualTo("YOUTH_FORUM");
		assertThat(decision.get("tally").get("eligible").asInt()).isEqualTo(5);
		assertThat(decision.get("tally").get("yes").asInt()).isEqualTo(3);
		assertThat(decision.get("tally").get("quorumRequired").asInt()).isEqualTo(3);
		// the steering board is informed of the youth forum's decisions
		assertThat(this.queries.decision("board1", fund, confirmed).get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(ok(this.api.get("staff", fund(fund))).get("reserved").decimalValue())
			.isEqualByComparingTo("1000.00");
	}

}
