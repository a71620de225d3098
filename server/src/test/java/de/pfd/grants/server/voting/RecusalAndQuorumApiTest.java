package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.closure;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.recordedVotes;
import static de.pfd.grants.server.Api.recusal;
import static de.pfd.grants.server.Api.votes;
import static de.pfd.grants.server.Api.voting;
import static de.pfd.grants.server.Drafts.unrelated;
import static de.pfd.grants.server.Json.strings;
import static de.pfd.grants.server.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;

/**
 * Votes over real HTTP: recusal, declared by a member or automatic, changed votes, and
 * the quorum: without it there is no decision and the vote is held again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecusalAndQuorumApiTest extends VotingApiTestSupport {

	@Test
	void a_member_declares_recusal_and_a_changed_vote_replaces_the_earlier_one() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", unrelated(fund, year));

		JsonNode recused = ok(this.api.post("board3", recusal(id), "{\"reason\":\"Vorstand beim Träger\"}"));
		ok(this.api.post("board7", recusal(id), null));

		assertThat(recused.get("status").asText()).isEqualTo("IN_VOTING");
		long events = events();
		assertCode(this.api.post("board3", votes(id), "{\"vote\":\"NO\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertCode(this.api.post("board3", recusal(id), null), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertThat(events()).isEqualTo(events);
		assertThat(this.queries.agendaItem("board3", id).get("recused").asBoolean()).isTrue();

		this.applications.vote("board1", id, "YES");
		this.applications.vote("board1", id, "NO");
		long afterChange = events();
		this.applications.vote("board1", id, "NO");
		assertThat(events()).as("the same vote again stores nothing").isEqualTo(afterChange);
		this.applications.vote("board4", id, "YES");
		this.applications.vote("board5", id, "YES");
		this.applications.vote("board6", id, "ABSTAIN");
		assertThat(this.queries.agendaItem("board1", id).get("ownVote").asText()).isEqualTo("NO");
		Map<String, JsonNode> individual = this.queries.individualVotes("staff", id);
		assertThat(individual.get("board1").get("choice").asText()).isEqualTo("NO");
		assertThat(individual.get("board3").get("recused").asBoolean()).isTrue();
		assertThat(individual.get("board3").get("automatic").asBoolean()).isFalse();
		assertThat(individual.get("board3").get("reason").asText()).isEqualTo("Vorstand beim Träger");

		JsonNode closed = ok(this.api.post("staff", closure(id), null));

		assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
		JsonNode tally = this.queries.decision("staff", fund, id).get("tally");
		assertThat(tally.get("yes").asInt()).isEqualTo(2);
		assertThat(tally.get("no").asInt()).isEqualTo(1);
		assertThat(tally.get("abstain").asInt()).isEqualTo(1);
		assertThat(tally.get("eligible").asInt()).isEqualTo(5);
		assertThat(tally.get("participating").asInt()).isEqualTo(4);
		assertThat(tally.get("quorumRequired").asInt()).isEqualTo(3);
		assertThat(strings(tally.get("recused"))).containsExactly("board3", "board7");
		assertThat(this.applications.awaitGrant("staff", id).get("approvedAmount").decimalValue())
			.isEqualByComparingTo("1000.00");
	}

	@Test
	void without_quorum_there_is_no_decision_the_vote_is_held_again_and_a_tie_fails() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", unrelated(fund, year));
		this.applications.vote("board1", id, "YES");
		this.applications.vote("board2", id, "YES");

		JsonNode closed = ok(this.api.post("staff", closure(id), "{}"));

		assertThat(closed.get("status").asText()).isEqualTo("NO_DECISION");
		assertThat(closed.get("grant").isNull()).isTrue();
		JsonNode first = this.queries.decision("staff", fund, id);
		assertThat(first.get("outcome").asText()).isEqualTo("NO_DECISION");
		assertThat(first.get("tally").get("eligible").asInt()).isEqualTo(7);
		assertThat(first.get("tally").get("participating").asInt()).isEqualTo(2);
		assertThat(first.get("tally").get("quorumRequired").asInt()).isEqualTo(4);
		assertThat(first.get("tally").get("quorumReached").asBoolean()).isFalse();
		assertThat(strings(first.get("tally").get("recused"))).isEmpty();
		assertThat(this.queries.agendaItem("board1", id)).isNull();

		// held again, this time as a circular procedure; the earlier
		// votes do not carry over
		Instant closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		JsonNode reopened = ok(
				this.api.post("staff", voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		assertThat(reopened.get("status").asText()).isEqualTo("IN_VOTING");
		JsonNode item = this.queries.agendaItem("board1", id);
		assertThat(item.get("procedure").asText()).isEqualTo("CIRCULAR");
		assertThat(Instant.parse(item.get("closesAt").asText())).isEqualTo(closesAt);
		assertThat(text(item, "ownVote")).isNull();
		this.applications.vote("board1", id, "YES");
		this.applications.vote("board2", id, "YES");
		this.applications.vote("board3", id, "NO");
		this.applications.vote("board4", id, "NO");

		JsonNode tie = ok(this.api.post("staff", closure(id), "{\"approvedAmount\":500.00}"));

		assertThat(tie.get("status").asText()).isEqualTo("REJECTED");
		assertThat(tie.get("grant").isNull()).isTrue();
		List<JsonNode> decisions = this.queries.decisions("staff", fund, id);
		assertThat(decisions).extracting(d -> d.get("outcome").asText()).containsExactly("NO_DECISION", "REJECTED");
		JsonNode tally = decisions.get(1).get("tally");
		assertThat(tally.get("yes").asInt()).isEqualTo(2);
		assertThat(tally.get("no").asInt()).isEqualTo(2);
		assertThat(tally.get("quorumReached").asBoolean()).isTrue();
		List<Integer> rounds = new ArrayList<>();
		ok(this.api.get("auditor", recordedVotes(id))).forEach(v -> {
			if (!rounds.contains(v.get("round").asInt())) {
				rounds.add(v.get("round").asInt());
			}
		});
		assertThat(rounds).as("rounds numbered 1, 2, ...").containsExactly(1, 2);
		assertThat(ok(this.api.get("staff", fund(fund))).get("reserved").decimalValue()).isEqualByComparingTo("0.00");
		// decided against: no further vote
		assertCode(this.api.post("staff", voting(id), "{\"procedure\":\"MEETING\"}"), 409, "WRONG_STATUS");
	}

}
