package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.AGENDA;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.closure;
import static de.pfd.grants.server.Api.decisions;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.grantNotice;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.recordedVotes;
import static de.pfd.grants.server.Api.recusal;
import static de.pfd.grants.server.Api.votes;
import static de.pfd.grants.server.Api.voting;
import static de.pfd.grants.server.Applications.UNKNOWN;
import static de.pfd.grants.server.Drafts.unrelated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.BadRequests;
import de.pfd.grants.server.BadRequests.Bad;
import de.pfd.grants.server.TestYears;

/**
 * A corpus of bad requests to every voting endpoint over real HTTP: each is refused
 * naming the field, and nothing is stored; and the reads nobody may make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VotingHostileInputApiTest extends VotingApiTestSupport {

	@TestFactory
	Stream<DynamicTest> bad_requests_to_the_voting_endpoints_are_refused_naming_the_field_and_store_nothing() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String draft = this.applications.draft("applicant1", unrelated(fund, year));
		String ready = this.applications.ready("applicant3", unrelated(fund, year));
		String inVoting = this.applications.inVoting("applicant3", unrelated(fund, year));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, inVoting, "YES");
		}
		String huge = "x".repeat(100_000);
		Instant now = Instant.now();
		List<Bad> cases = List.of(
				// opening a vote
				new Bad("unknown procedure", "staff", voting(ready), "{\"procedure\":\"SECRET_BALLOT\"}", 400,
						"procedure", "INVALID_INPUT"),
				new Bad("no procedure", "staff", voting(ready), "{}", 400, "procedure", "INVALID_INPUT"),
				new Bad("procedure null", "staff", voting(ready), "{\"procedure\":null}", 400, "procedure",
						"INVALID_INPUT"),
				new Bad("circular closing in the past", "staff", voting(ready),
						circular(now.minus(1, ChronoUnit.HOURS)), 400, "closesAt", "INVALID_INPUT"),
				new Bad("circular closing in 91 days", "staff", voting(ready), circular(now.plus(91, ChronoUnit.DAYS)),
						400, "closesAt", "INVALID_INPUT"),
				new Bad("circular closing at a date that is no date", "staff", voting(ready),
						"{\"procedure\":\"CIRCULAR\",\"closesAt\":\"nächsten Freitag\"}", 400, "closesAt",
						"INVALID_INPUT"),
				new Bad("malformed JSON opening", "staff", voting(ready), "{\"procedure\":", 400, null,
						"INVALID_INPUT"),
				new Bad("an array instead of an object", "staff", voting(ready), "[]", 400, null, "INVALID_INPUT"),
				new Bad("opening a vote on a draft", "staff", voting(draft), "{\"procedure\":\"MEETING\"}", 409, null,
						"WRONG_STATUS"),
				new Bad("opening a vote twice", "staff", voting(inVoting), "{\"procedure\":\"MEETING\"}", 409, null,
						"WRONG_STATUS"),
				new Bad("opening a vote on an unknown application", "staff", voting(UNKNOWN),
						"{\"procedure\":\"MEETING\"}", 404, null, "NOT_FOUND"),
				new Bad("a member opening a vote", "board1", voting(ready), "{\"procedure\":\"MEETING\"}", 403, null,
						null),
				// voting
				new Bad("unknown vote value", "board1", votes(inVoting), "{\"vote\":\"MAYBE\"}", 400, "vote",
						"INVALID_INPUT"),
				new Bad("missing vote", "board1", votes(inVoting), "{}", 400, "vote", "INVALID_INPUT"),
				new Bad("vote as a list", "board1", votes(inVoting), "{\"vote\":[\"YES\"]}", 400, "vote",
						"INVALID_INPUT"),
				new Bad("trailing garbage after the vote", "board1", votes(inVoting), "{\"vote\":\"NO\"}}", 400, null,
						"INVALID_INPUT"),
				new Bad("vote without body", "board1", votes(inVoting), null, 400, null, "INVALID_INPUT"),
				new Bad("vote on an unknown application", "board1", votes(UNKNOWN), "{\"vote\":\"NO\"}", 404, null,
						"NOT_FOUND"),
				new Bad("vote on an application not in voting", "board1", votes(ready), "{\"vote\":\"NO\"}", 403, null,
						"NOT_ELIGIBLE_TO_VOTE"),
				// not before the forum: it does not exist for its members
				new Bad("vote of the youth forum on the steering board's application", "youth1", votes(inVoting),
						"{\"vote\":\"NO\"}", 404, null, "NOT_FOUND"),
				new Bad("staff voting", "staff", votes(inVoting), "{\"vote\":\"NO\"}", 403, null, null),
				// recusal
				new Bad("recusal reason over 2,000 characters", "board2", recusal(inVoting),
						"{\"reason\":\"" + "r".repeat(2001) + "\"}", 400, "reason", "INVALID_INPUT"),
				new Bad("recusal on an application not in voting", "board2", recusal(ready), null, 403, null,
						"NOT_ELIGIBLE_TO_VOTE"),
				new Bad("recusal on an unknown application", "board2", recusal(UNKNOWN), null, 404, null, "NOT_FOUND"),
				// closing
				new Bad("approved amount with three decimals", "staff", closure(inVoting),
						"{\"approvedAmount\":800.001}", 400, "approvedAmount", "INVALID_INPUT"),
				new Bad("negative approved amount", "staff", closure(inVoting), "{\"approvedAmount\":-800.00}", 400,
						"approvedAmount", "INVALID_INPUT"),
				new Bad("approved amount zero", "staff", closure(inVoting), "{\"approvedAmount\":0}", 400,
						"approvedAmount", "INVALID_INPUT"),
				new Bad("approved amount above the request", "staff", closure(inVoting), "{\"approvedAmount\":1000.01}",
						400, "approvedAmount", "INVALID_AMOUNT"),
				new Bad("approved amount as text", "staff", closure(inVoting), "{\"approvedAmount\":\"achthundert\"}",
						400, "approvedAmount", "INVALID_INPUT"),
				new Bad("conditions of 100,000 characters", "staff", closure(inVoting),
						"{\"conditions\":\"" + huge + "\"}", 400, "conditions", "INVALID_INPUT"),
				new Bad("note over 4,000 characters", "staff", closure(inVoting),
						"{\"note\":\"" + "n".repeat(4001) + "\"}", 400, "note", "INVALID_INPUT"),
				new Bad("returnForImprovement that is no boolean", "staff", closure(inVoting),
						"{\"returnForImprovement\":\"vielleicht\"}", 400, "returnForImprovement", "INVALID_INPUT"),
				new Bad("malformed JSON closing", "staff", closure(inVoting), "{\"approvedAmount\":", 400, null,
						"INVALID_INPUT"),
				new Bad("closing when not in voting", "staff", closure(ready), "{}", 409, null, "WRONG_STATUS"),
				new Bad("closing a draft", "staff", closure(draft), "{}", 409, null, "WRONG_STATUS"),
				new Bad("closing an unknown application", "staff", closure(UNKNOWN), "{}", 404, null, "NOT_FOUND"),
				new Bad("a member closing the vote", "board1", closure(inVoting), "{}", 403, null, null),
				// fast track and grant notice
				new Bad("fast track during a vote", "staff", fastTrack(inVoting), "{}", 409, null, "WRONG_STATUS"),
				new Bad("fast track with outcome NO_DECISION", "staff", fastTrack(ready),
						"{\"outcome\":\"NO_DECISION\"}", 400, "outcome", "INVALID_INPUT"),
				new Bad("fast track with an unknown outcome", "staff", fastTrack(ready), "{\"outcome\":\"PERHAPS\"}",
						400, "outcome", "INVALID_INPUT"),
				new Bad("grant notice reference over 200 characters", "staff", grantNotice(inVoting),
						"{\"reference\":\"" + "r".repeat(201) + "\"}", 400, "reference", "INVALID_INPUT"),
				new Bad("grant notice without approval", "staff", grantNotice(ready), null, 409, null, "WRONG_STATUS"),
				new Bad("grant notice for an unknown application", "staff", grantNotice(UNKNOWN), null, 404, null,
						"NOT_FOUND"));
		Stream<DynamicTest> refused = BadRequests.refused(this.api, this::events, cases);
		Stream<DynamicTest> reads = Stream.of(
				DynamicTest.dynamicTest("decisions of an unknown fund",
						() -> assertProblem(this.api.get("staff", decisions("no-such-fund")), 404, null)),
				DynamicTest.dynamicTest("votes of an unknown application",
						() -> assertProblem(this.api.get("staff", recordedVotes(UNKNOWN)), 404, null)),
				DynamicTest.dynamicTest("an auditor's agenda",
						() -> assertProblem(this.api.get("auditor", AGENDA), 403, null)),
				DynamicTest.dynamicTest("nothing changed, and a valid closing still works", () -> {
					assertThat(this.applications.status("staff", ready)).isEqualTo("READY_FOR_DECISION");
					assertThat(this.applications.status("staff", draft)).isEqualTo("DRAFT");
					assertThat(this.queries.individualVotes("staff", inVoting).get("board2").get("recused").asBoolean())
						.isFalse();
					JsonNode closed = ok(this.api.post("staff", closure(inVoting), "{\"approvedAmount\":1000.00}"));
					assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
				}));
		return Stream.concat(refused, reads);
	}

	private static String circular(Instant closesAt) {
		return "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}";
	}

}
