package de.pfd.grants.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * Decisions over real HTTP: votes of the steering board and the youth forum with quorum,
 * recusal and changed votes, the lead office's fast track, the waiting list, the grant
 * notice, the bodies' members and rules, and a corpus of bad requests to every voting
 * endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VotingApiTest {

	static final String STEERING_BOARD = "kreis-mettmann-steering-board";

	static final String YOUTH_FORUM = "kreis-mettmann-youth-forum";

	static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	static String complete(String fundId, int year) {
		return Drafts.complete(fundId, year);
	}

	/**
	 * An applicant no board member belongs to: nobody is recused, all 7 members are
	 * eligible.
	 */
	static String unrelated(String fundId, int year) {
		return complete(fundId, year).replace("Kulturverein Mettmann e.V.", "Jugendtreff Erkrath");
	}

	/** A small request: 400.00 of costs, no income. */
	static String small(String fundId, int year) {
		return unrelated(fundId, year)
			.replace("{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1200.00}",
					"{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":400.00}")
			.replace("[{\"source\":\"OWN_FUNDS\",\"description\":\"Eigenmittel\",\"amount\":200.00}]", "[]")
			.replace("\"requestedAmount\":1000.00", "\"requestedAmount\":400.00");
	}

	@Test
	void the_steering_board_decides_with_automatic_recusal_and_the_approval_reserves_the_money() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = ready("applicant1", complete(fund, year));
		assertThat(agendaItem("board1", id)).isNull();
		int ruleVersion = body("board1", STEERING_BOARD).get("rules").get("version").asInt();

		JsonNode opened = ok(
				this.api.post("staff", "/api/applications/" + id + "/voting", "{\"procedure\":\"MEETING\"}"));

		assertThat(opened.get("status").asText()).isEqualTo("IN_VOTING");
		JsonNode item = agendaItem("board1", id);
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
		assertThat(agendaItem("board2", id).get("recused").asBoolean()).isTrue();
		assertCode(this.api.post("board2", votes(id), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");

		vote("board1", id, "YES");
		vote("board3", id, "YES");
		vote("board4", id, "YES");
		vote("board5", id, "NO");

		assertCode(this.api.post("youth1", votes(id), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertProblem(this.api.post("applicant1", votes(id), "{\"vote\":\"YES\"}"), 403, null);
		assertThat(agendaItem("board1", id).get("ownVote").asText()).isEqualTo("YES");
		assertThat(agendaItem("board5", id).get("ownVote").asText()).isEqualTo("NO");
		Map<String, JsonNode> individual = individualVotes("staff", id);
		assertThat(individual).containsOnlyKeys("board1", "board2", "board3", "board4", "board5", "board6", "board7");
		assertThat(individual.get("board1").get("choice").asText()).isEqualTo("YES");
		assertThat(individual.get("board5").get("choice").asText()).isEqualTo("NO");
		assertThat(text(individual.get("board6"), "choice")).isNull();
		assertThat(individual.get("board2").get("recused").asBoolean()).isTrue();
		assertThat(individual.get("board2").get("automatic").asBoolean()).isTrue();
		assertThat(individualVotes("auditor", id)).containsOnlyKeys(individual.keySet());
		assertProblem(this.api.get("applicant1", "/api/applications/" + id + "/votes"), 403, null);
		assertProblem(this.api.get("board1", "/api/applications/" + id + "/votes"), 403, null);

		JsonNode closed = ok(this.api.post("staff", closure(id),
				"{\"approvedAmount\":800.00,\"conditions\":\"Teilnehmerlisten sind vorzulegen\"}"));

		assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
		JsonNode grant = awaitGrant("staff", id, true);
		assertThat(grant.get("approvedAmount").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(grant.get("conditions").asText()).isEqualTo("Teilnehmerlisten sind vorzulegen");
		assertThat(grant.get("fundsReserved").asBoolean()).isTrue();
		JsonNode figures = ok(this.api.get("staff", "/api/funds/" + fund));
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("19200.00");

		JsonNode decision = decision("staff", fund, id);
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
		// members see their own body's decisions, the youth forum not the steering
		// board's
		assertThat(decision("board1", fund, id)).isNotNull();
		assertThat(decision("youth1", fund, id)).isNull();
		assertThat(decision("auditor", fund, id)).isNotNull();
		assertProblem(this.api.get("applicant1", "/api/decisions?fundId=" + fund), 403, null);
		assertThat(agendaItem("board1", id)).isNull();
		assertThat(statuses(ok(this.api.get("applicant1", "/api/applications/" + id))))
			.containsSubsequence("READY_FOR_DECISION", "IN_VOTING", "APPROVED");
	}

	@Test
	void without_quorum_there_is_no_decision_the_vote_is_held_again_and_a_tie_fails() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = inVoting("applicant3", unrelated(fund, year));
		vote("board1", id, "YES");
		vote("board2", id, "YES");

		JsonNode closed = ok(this.api.post("staff", closure(id), "{}"));

		assertThat(closed.get("status").asText()).isEqualTo("NO_DECISION");
		assertThat(closed.get("grant").isNull()).isTrue();
		JsonNode first = decision("staff", fund, id);
		assertThat(first.get("outcome").asText()).isEqualTo("NO_DECISION");
		assertThat(first.get("tally").get("eligible").asInt()).isEqualTo(7);
		assertThat(first.get("tally").get("participating").asInt()).isEqualTo(2);
		assertThat(first.get("tally").get("quorumRequired").asInt()).isEqualTo(4);
		assertThat(first.get("tally").get("quorumReached").asBoolean()).isFalse();
		assertThat(strings(first.get("tally").get("recused"))).isEmpty();
		assertThat(agendaItem("board1", id)).isNull();

		// held again, this time as a circular procedure; the earlier votes do not carry
		// over
		Instant closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		JsonNode reopened = ok(this.api.post("staff", "/api/applications/" + id + "/voting",
				"{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		assertThat(reopened.get("status").asText()).isEqualTo("IN_VOTING");
		JsonNode item = agendaItem("board1", id);
		assertThat(item.get("procedure").asText()).isEqualTo("CIRCULAR");
		assertThat(Instant.parse(item.get("closesAt").asText())).isEqualTo(closesAt);
		assertThat(text(item, "ownVote")).isNull();
		vote("board1", id, "YES");
		vote("board2", id, "YES");
		vote("board3", id, "NO");
		vote("board4", id, "NO");

		JsonNode tie = ok(this.api.post("staff", closure(id), "{\"approvedAmount\":500.00}"));

		assertThat(tie.get("status").asText()).isEqualTo("REJECTED");
		assertThat(tie.get("grant").isNull()).isTrue();
		List<JsonNode> decisions = decisions("staff", fund, id);
		assertThat(decisions).extracting(d -> d.get("outcome").asText()).containsExactly("NO_DECISION", "REJECTED");
		JsonNode tally = decisions.get(1).get("tally");
		assertThat(tally.get("yes").asInt()).isEqualTo(2);
		assertThat(tally.get("no").asInt()).isEqualTo(2);
		assertThat(tally.get("quorumReached").asBoolean()).isTrue();
		List<Integer> rounds = new ArrayList<>();
		ok(this.api.get("auditor", "/api/applications/" + id + "/votes")).forEach(v -> {
			if (!rounds.contains(v.get("round").asInt())) {
				rounds.add(v.get("round").asInt());
			}
		});
		assertThat(rounds).hasSize(2);
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("reserved").decimalValue())
			.isEqualByComparingTo("0.00");
		// decided against: no further vote
		assertCode(this.api.post("staff", "/api/applications/" + id + "/voting", "{\"procedure\":\"MEETING\"}"), 409,
				"WRONG_STATUS");
	}

	@Test
	void the_board_may_return_an_application_for_improvement_and_the_applicant_revises_it() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = inVoting("applicant3", unrelated(fund, year));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			vote(member, id, "YES");
		}

		JsonNode returned = ok(this.api.post("staff", closure(id),
				"{\"returnForImprovement\":true,\"note\":\"Bitte den Zeitplan konkretisieren\"}"));

		assertThat(returned.get("status").asText()).isEqualTo("RETURNED_FOR_REVISION");
		JsonNode decision = decision("staff", fund, id);
		assertThat(decision.get("outcome").asText()).isEqualTo("RETURNED");
		assertThat(decision.get("note").asText()).isEqualTo("Bitte den Zeitplan konkretisieren");
		assertThat(text(decision, "approvedAmount")).isNull();
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("reserved").decimalValue())
			.isEqualByComparingTo("0.00");
		Api.Response revised = this.api.put("applicant3", "/api/applications/" + id,
				unrelated(fund, year).replace("Workshops für Jugendliche", "Workshops mit Zeitplan"));
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(
				ok(this.api.post("applicant3", "/api/applications/" + id + "/submission", null)).get("version").asInt())
			.isEqualTo(2);
	}

	@Test
	void the_youth_forum_decides_the_youth_fund_and_the_steering_board_has_no_say() {
		int year = TestYears.next();
		String fund = openFund("YOUTH_FUND", year, "10000.00", "2500.00", null);
		String confirmed = inVoting("applicant3",
				complete(fund, year).replace("\"address\":\"Markt 1, 40822 Mettmann\"",
						"\"address\":\"Markt 1, 40822 Mettmann\",\"youthConfirmed\":true"));
		String group = inVoting("applicant3",
				complete(fund, year).replace("REGISTERED_ASSOCIATION", "INFORMAL_YOUTH_GROUP"));
		assertThat(agendaItem("youth1", confirmed)).isNotNull();
		assertThat(agendaItem("board1", confirmed)).isNull();
		long events = events();
		assertCode(this.api.post("board1", votes(confirmed), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertCode(this.api.post("board1", "/api/applications/" + group + "/voting/recusal", null), 403,
				"NOT_ELIGIBLE_TO_VOTE");
		assertThat(events()).isEqualTo(events);

		vote("youth1", confirmed, "YES");
		vote("youth2", confirmed, "YES");
		vote("youth3", confirmed, "YES");
		JsonNode approved = ok(this.api.post("staff", closure(confirmed), null));
		vote("youth1", group, "NO");
		vote("youth2", group, "NO");
		vote("youth4", group, "YES");
		JsonNode rejected = ok(this.api.post("staff", closure(group), null));

		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(awaitGrant("applicant3", confirmed, true).get("approvedAmount").decimalValue())
			.isEqualByComparingTo("1000.00");
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		JsonNode decision = decision("youth1", fund, confirmed);
		assertThat(decision.get("decidedBy").asText()).isEqualTo("YOUTH_FORUM");
		assertThat(decision.get("tally").get("eligible").asInt()).isEqualTo(5);
		assertThat(decision.get("tally").get("yes").asInt()).isEqualTo(3);
		assertThat(decision.get("tally").get("quorumRequired").asInt()).isEqualTo(3);
		assertThat(decision("board1", fund, confirmed)).isNull();
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("reserved").decimalValue())
			.isEqualByComparingTo("1000.00");
	}

	@Test
	void a_member_declares_recusal_and_a_changed_vote_replaces_the_earlier_one() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = inVoting("applicant3", unrelated(fund, year));

		JsonNode recused = ok(this.api.post("board3", "/api/applications/" + id + "/voting/recusal",
				"{\"reason\":\"Vorstand beim Träger\"}"));
		ok(this.api.post("board7", "/api/applications/" + id + "/voting/recusal", null));

		assertThat(recused.get("status").asText()).isEqualTo("IN_VOTING");
		long events = events();
		assertCode(this.api.post("board3", votes(id), "{\"vote\":\"NO\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertCode(this.api.post("board3", "/api/applications/" + id + "/voting/recusal", null), 403,
				"NOT_ELIGIBLE_TO_VOTE");
		assertThat(events()).isEqualTo(events);
		assertThat(agendaItem("board3", id).get("recused").asBoolean()).isTrue();

		vote("board1", id, "YES");
		vote("board1", id, "NO");
		long afterChange = events();
		vote("board1", id, "NO");
		assertThat(events()).as("the same vote again stores nothing").isEqualTo(afterChange);
		vote("board4", id, "YES");
		vote("board5", id, "YES");
		vote("board6", id, "ABSTAIN");
		assertThat(agendaItem("board1", id).get("ownVote").asText()).isEqualTo("NO");
		Map<String, JsonNode> individual = individualVotes("staff", id);
		assertThat(individual.get("board1").get("choice").asText()).isEqualTo("NO");
		assertThat(individual.get("board3").get("recused").asBoolean()).isTrue();
		assertThat(individual.get("board3").get("automatic").asBoolean()).isFalse();
		assertThat(individual.get("board3").get("reason").asText()).isEqualTo("Vorstand beim Träger");

		JsonNode closed = ok(this.api.post("staff", closure(id), null));

		assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
		JsonNode tally = decision("staff", fund, id).get("tally");
		assertThat(tally.get("yes").asInt()).isEqualTo(2);
		assertThat(tally.get("no").asInt()).isEqualTo(1);
		assertThat(tally.get("abstain").asInt()).isEqualTo(1);
		assertThat(tally.get("eligible").asInt()).isEqualTo(5);
		assertThat(tally.get("participating").asInt()).isEqualTo(4);
		assertThat(tally.get("quorumRequired").asInt()).isEqualTo(3);
		assertThat(strings(tally.get("recused"))).containsExactly("board3", "board7");
		assertThat(awaitGrant("staff", id, true).get("approvedAmount").decimalValue()).isEqualByComparingTo("1000.00");
	}

	@Test
	void the_lead_office_decides_small_requests_on_the_fast_track_and_only_those() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "5000.00", "1500.00", "500.00");
		String smallOne = ready("applicant1", small(fund, year));
		String smallTwo = ready("applicant2", small(fund, year));
		String large = ready("applicant3", unrelated(fund, year));

		JsonNode approved = ok(this.api.post("staff", "/api/applications/" + smallOne + "/decision", "{}"));

		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(awaitGrant("applicant1", smallOne, true).get("approvedAmount").decimalValue())
			.isEqualByComparingTo("400.00");
		JsonNode decision = decision("staff", fund, smallOne);
		assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(decision.get("decidedBy").asText()).isEqualTo("LEAD_OFFICE");
		assertThat(text(decision, "tally")).isNull();
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("available").decimalValue())
			.isEqualByComparingTo("4600.00");

		long events = events();
		Api.Response tooLarge = this.api.post("staff", "/api/applications/" + large + "/decision", "{}");
		assertProblem(tooLarge, 422, null);
		assertThat(tooLarge.json().get("code").asText()).isEqualTo("FAST_TRACK_LIMIT_EXCEEDED");
		assertProblem(
				this.api.post("staff", "/api/applications/" + smallTwo + "/decision", "{\"outcome\":\"REJECTED\"}"),
				400, "note");
		assertProblem(this.api.post("staff", "/api/applications/" + smallTwo + "/decision",
				"{\"outcome\":\"REJECTED\",\"note\":\"   \"}"), 400, "note");
		assertProblem(
				this.api.post("staff", "/api/applications/" + smallTwo + "/decision", "{\"approvedAmount\":400.01}"),
				400, "approvedAmount");
		assertProblem(this.api.post("board1", "/api/applications/" + smallTwo + "/decision", "{}"), 403, null);
		assertThat(events()).isEqualTo(events);
		assertThat(status("staff", large)).isEqualTo("READY_FOR_DECISION");

		JsonNode rejected = ok(this.api.post("staff", "/api/applications/" + smallTwo + "/decision",
				"{\"outcome\":\"REJECTED\",\"note\":\"Nicht förderfähig\"}"));

		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		JsonNode rejection = decision("staff", fund, smallTwo);
		assertThat(rejection.get("decidedBy").asText()).isEqualTo("LEAD_OFFICE");
		assertThat(rejection.get("note").asText()).isEqualTo("Nicht förderfähig");
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("reserved").decimalValue())
			.isEqualByComparingTo("400.00");
	}

	@Test
	void an_approval_the_fund_cannot_cover_waits_gets_the_money_of_a_withdrawal_and_then_its_grant_notice() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "1500.00", "1500.00", "1000.00");
		String first = ready("applicant1", unrelated(fund, year));
		String second = ready("applicant3", unrelated(fund, year));
		assertCode(this.api.post("staff", notice(first), null), 409, "WRONG_STATUS");

		ok(this.api.post("staff", "/api/applications/" + first + "/decision", "{}"));
		ok(this.api.post("staff", "/api/applications/" + second + "/decision", "{}"));

		assertThat(awaitGrant("staff", first, true).get("fundsReserved").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(status("staff", second)).isEqualTo("WAITLISTED"));
		JsonNode waiting = ok(this.api.get("applicant3", "/api/applications/" + second)).get("grant");
		assertThat(waiting.get("fundsReserved").asBoolean()).isFalse();
		assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund)).get("available").decimalValue())
			.isEqualByComparingTo("500.00");
		// the grant notice needs reserved money
		long events = events();
		assertCode(this.api.post("staff", notice(second), "{\"reference\":\"KM-42\"}"), 409, "WRONG_STATUS");
		assertThat(events()).isEqualTo(events);

		ok(this.api.post("applicant1", "/api/applications/" + first + "/withdrawal",
				"{\"reason\":\"Projekt fällt aus\"}"));

		JsonNode moved = awaitGrant("applicant3", second, true);
		assertThat(moved.get("approvedAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(text(moved, "waitlistPosition")).isNull();
		assertThat(status("applicant3", second)).isEqualTo("APPROVED");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode figures = ok(this.api.get("staff", "/api/funds/" + fund));
			assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("1000.00");
			assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("500.00");
		});

		events = events();
		assertProblem(this.api.post("auditor", notice(second), null), 403, null);
		assertProblem(this.api.post("staff", notice(second), "{\"reference\":\"" + "R".repeat(201) + "\"}"), 400,
				"reference");
		assertThat(events()).isEqualTo(events);
		JsonNode issued = ok(this.api.post("staff", notice(second), "{\"reference\":\"KM-" + year + "-042\"}"))
			.get("grant");
		assertThat(issued.get("noticeIssuedAt").asText()).isNotBlank();
		assertThat(issued.get("noticeReference").asText()).isEqualTo("KM-" + year + "-042");
		assertThat(text(issued, "noticeConfirmedAt")).isNull();
		events = events();
		assertCode(this.api.post("staff", notice(second), null), 409, "WRONG_STATUS");
		assertProblem(this.api.post("applicant2", notice(second) + "/confirmation", null), 404, null);
		assertProblem(this.api.post("staff", notice(second) + "/confirmation", null), 403, null);
		assertThat(events()).isEqualTo(events);

		JsonNode confirmed = ok(this.api.post("applicant3", notice(second) + "/confirmation", null)).get("grant");

		assertThat(confirmed.get("noticeConfirmedAt").asText()).isNotBlank();
		events = events();
		assertThat(this.api.post("applicant3", notice(second) + "/confirmation", null).status()).isEqualTo(200);
		assertThat(events()).as("confirming twice stores nothing").isEqualTo(events);
	}

	@Test
	void staff_manage_the_bodies_members_and_rules() {
		JsonNode bodies = ok(this.api.get("board1", "/api/decision-bodies"));
		assertThat(bodies).hasSize(2);
		Map<String, JsonNode> board = members(body("board1", STEERING_BOARD));
		Map<String, JsonNode> forum = members(body("youth1", YOUTH_FORUM));
		assertThat(board).containsKeys("board1", "board2", "board3", "board4", "board5", "board6", "board7");
		assertThat(board.get("board2").get("organisation").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(board.get("board5").get("voting").asBoolean()).isTrue();
		assertThat(forum).containsKeys("youth1", "youth2", "youth3", "youth4", "youth5").doesNotContainKey("board1");
		assertThat(body("board1", STEERING_BOARD).get("type").asText()).isEqualTo("STEERING_BOARD");
		assertThat(body("board1", YOUTH_FORUM).get("type").asText()).isEqualTo("YOUTH_FORUM");
		JsonNode rules = body("staff", STEERING_BOARD).get("rules");
		int version = rules.get("version").asInt();
		String members = "/api/decision-bodies/" + STEERING_BOARD + "/members";
		String rulesPath = "/api/decision-bodies/" + STEERING_BOARD + "/rules";
		try {
			long events = events();
			assertProblem(this.api.post("staff", members, "{\"username\":\"nobody\",\"voting\":false}"), 400,
					"username");
			assertProblem(this.api.post("staff", members, "{\"username\":\"  \"}"), 400, "username");
			assertProblem(this.api.post("staff", members, "{\"username\":\"" + "u".repeat(65) + "\"}"), 400,
					"username");
			assertProblem(this.api.post("staff", members, "{\"username\":\"auditor\",\"voting\":\"maybe\"}"), 400,
					"voting");
			assertProblem(this.api.post("auditor", members, "{\"username\":\"auditor\",\"voting\":false}"), 403, null);
			assertProblem(this.api.post("board1", members, "{\"username\":\"auditor\",\"voting\":false}"), 403, null);
			assertProblem(this.api.post("staff", "/api/decision-bodies/no-such-body/members",
					"{\"username\":\"auditor\",\"voting\":false}"), 404, null);
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":60,\"circialDays\":7}"), 400,
					"circularDays");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":100,\"circularDays\":7}"), 400,
					"quorumPercent");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":-1,\"circularDays\":7}"), 400,
					"quorumPercent");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":50.5,\"circularDays\":7}"), 400,
					"quorumPercent");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":\"half\",\"circularDays\":7}"), 400,
					"quorumPercent");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":0}"), 400,
					"circularDays");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":91}"), 400,
					"circularDays");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":50,"), 400, null);
			assertProblem(this.api.put("board1", rulesPath, "{\"quorumPercent\":50,\"circularDays\":7}"), 403, null);
			assertProblem(this.api.put("staff", "/api/decision-bodies/no-such-body/rules",
					"{\"quorumPercent\":50,\"circularDays\":7}"), 404, null);
			assertThat(events()).isEqualTo(events);

			JsonNode added = ok(this.api.post("staff", members, "{\"username\":\"auditor\",\"voting\":false}"));

			JsonNode advisor = members(added).get("auditor");
			assertThat(advisor).isNotNull();
			assertThat(advisor.get("voting").asBoolean()).isFalse();
			assertThat(advisor.get("organisation").asText()).isEqualTo("Kreis Mettmann");
			assertThat(members(body("board1", STEERING_BOARD))).containsKey("auditor");

			JsonNode changed = ok(this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":7}"));

			assertThat(changed.get("rules").get("version").asInt()).isEqualTo(version + 1);
			assertThat(changed.get("rules").get("quorumPercent").asInt()).isEqualTo(50);
			assertThat(duration(changed.get("rules").get("circularDuration"))).isEqualTo(Duration.ofDays(7));
			assertThat(body("board1", STEERING_BOARD).get("rules").get("version").asInt()).isEqualTo(version + 1);
		}
		finally {
			// the context (and with it the steering board) is shared with other tests
			// (the outcome is checked below, so that a failure above is not masked here)
			this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":14}");
			if (members(body("staff", STEERING_BOARD)).containsKey("auditor")) {
				delete("staff", members + "/auditor");
			}
		}
		JsonNode restored = body("staff", STEERING_BOARD);
		assertThat(restored.get("rules").get("quorumPercent").asInt()).isEqualTo(50);
		assertThat(duration(restored.get("rules").get("circularDuration"))).isEqualTo(Duration.ofDays(14));
		assertThat(members(restored)).doesNotContainKey("auditor");
	}

	/** One bad request to a voting endpoint: who sends what, and the expected problem. */
	record Bad(String what, String user, String path, String body, int status, String field, String code) {
	}

	@TestFactory
	Stream<DynamicTest> bad_requests_to_the_voting_endpoints_are_refused_naming_the_field_and_store_nothing() {
		int year = TestYears.next();
		String fund = openFund("ACTION_FUND", year, "20000.00", "5000.00", null);
		String draft = draft("applicant1", unrelated(fund, year));
		String ready = ready("applicant3", unrelated(fund, year));
		String voting = inVoting("applicant3", unrelated(fund, year));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			vote(member, voting, "YES");
		}
		String huge = "x".repeat(100_000);
		Instant now = Instant.now();
		List<Bad> cases = List.of(
				// opening a vote
				new Bad("unknown procedure", "staff", open(ready), "{\"procedure\":\"SECRET_BALLOT\"}", 400,
						"procedure", "INVALID_INPUT"),
				new Bad("no procedure", "staff", open(ready), "{}", 400, "procedure", "INVALID_INPUT"),
				new Bad("procedure null", "staff", open(ready), "{\"procedure\":null}", 400, "procedure",
						"INVALID_INPUT"),
				new Bad("circular closing in the past", "staff", open(ready), circular(now.minus(1, ChronoUnit.HOURS)),
						400, "closesAt", "INVALID_INPUT"),
				new Bad("circular closing in 91 days", "staff", open(ready), circular(now.plus(91, ChronoUnit.DAYS)),
						400, "closesAt", "INVALID_INPUT"),
				new Bad("circular closing at a date that is no date", "staff", open(ready),
						"{\"procedure\":\"CIRCULAR\",\"closesAt\":\"nächsten Freitag\"}", 400, "closesAt",
						"INVALID_INPUT"),
				new Bad("malformed JSON opening", "staff", open(ready), "{\"procedure\":", 400, null, "INVALID_INPUT"),
				new Bad("an array instead of an object", "staff", open(ready), "[]", 400, null, "INVALID_INPUT"),
				new Bad("opening a vote on a draft", "staff", open(draft), "{\"procedure\":\"MEETING\"}", 409, null,
						"WRONG_STATUS"),
				new Bad("opening a vote twice", "staff", open(voting), "{\"procedure\":\"MEETING\"}", 409, null,
						"WRONG_STATUS"),
				new Bad("opening a vote on an unknown application", "staff", open(UNKNOWN),
						"{\"procedure\":\"MEETING\"}", 404, null, "NOT_FOUND"),
				new Bad("a member opening a vote", "board1", open(ready), "{\"procedure\":\"MEETING\"}", 403, null,
						null),
				// voting
				new Bad("unknown vote value", "board1", votes(voting), "{\"vote\":\"MAYBE\"}", 400, "vote",
						"INVALID_INPUT"),
				new Bad("missing vote", "board1", votes(voting), "{}", 400, "vote", "INVALID_INPUT"),
				new Bad("vote as a list", "board1", votes(voting), "{\"vote\":[\"YES\"]}", 400, "vote",
						"INVALID_INPUT"),
				new Bad("trailing garbage after the vote", "board1", votes(voting), "{\"vote\":\"NO\"}}", 400, null,
						"INVALID_INPUT"),
				new Bad("vote without body", "board1", votes(voting), null, 400, null, "INVALID_INPUT"),
				new Bad("vote on an unknown application", "board1", votes(UNKNOWN), "{\"vote\":\"NO\"}", 404, null,
						"NOT_FOUND"),
				new Bad("vote on an application not in voting", "board1", votes(ready), "{\"vote\":\"NO\"}", 403, null,
						"NOT_ELIGIBLE_TO_VOTE"),
				new Bad("vote of the youth forum on the steering board's application", "youth1", votes(voting),
						"{\"vote\":\"NO\"}", 403, null, "NOT_ELIGIBLE_TO_VOTE"),
				new Bad("staff voting", "staff", votes(voting), "{\"vote\":\"NO\"}", 403, null, null),
				// recusal
				new Bad("recusal reason over 2,000 characters", "board2", recusal(voting),
						"{\"reason\":\"" + "r".repeat(2001) + "\"}", 400, "reason", "INVALID_INPUT"),
				new Bad("recusal on an application not in voting", "board2", recusal(ready), null, 403, null,
						"NOT_ELIGIBLE_TO_VOTE"),
				new Bad("recusal on an unknown application", "board2", recusal(UNKNOWN), null, 404, null, "NOT_FOUND"),
				// closing
				new Bad("approved amount with three decimals", "staff", closure(voting), "{\"approvedAmount\":800.001}",
						400, "approvedAmount", "INVALID_INPUT"),
				new Bad("negative approved amount", "staff", closure(voting), "{\"approvedAmount\":-800.00}", 400,
						"approvedAmount", "INVALID_INPUT"),
				new Bad("approved amount zero", "staff", closure(voting), "{\"approvedAmount\":0}", 400,
						"approvedAmount", "INVALID_INPUT"),
				new Bad("approved amount above the request", "staff", closure(voting), "{\"approvedAmount\":1000.01}",
						400, "approvedAmount", "INVALID_AMOUNT"),
				new Bad("approved amount as text", "staff", closure(voting), "{\"approvedAmount\":\"achthundert\"}",
						400, "approvedAmount", "INVALID_INPUT"),
				new Bad("conditions of 100,000 characters", "staff", closure(voting),
						"{\"conditions\":\"" + huge + "\"}", 400, "conditions", "INVALID_INPUT"),
				new Bad("note over 4,000 characters", "staff", closure(voting),
						"{\"note\":\"" + "n".repeat(4001) + "\"}", 400, "note", "INVALID_INPUT"),
				new Bad("returnForImprovement that is no boolean", "staff", closure(voting),
						"{\"returnForImprovement\":\"vielleicht\"}", 400, "returnForImprovement", "INVALID_INPUT"),
				new Bad("malformed JSON closing", "staff", closure(voting), "{\"approvedAmount\":", 400, null,
						"INVALID_INPUT"),
				new Bad("closing when not in voting", "staff", closure(ready), "{}", 409, null, "WRONG_STATUS"),
				new Bad("closing a draft", "staff", closure(draft), "{}", 409, null, "WRONG_STATUS"),
				new Bad("closing an unknown application", "staff", closure(UNKNOWN), "{}", 404, null, "NOT_FOUND"),
				new Bad("a member closing the vote", "board1", closure(voting), "{}", 403, null, null),
				// fast track and grant notice
				new Bad("fast track during a vote", "staff", "/api/applications/" + voting + "/decision", "{}", 409,
						null, "WRONG_STATUS"),
				new Bad("fast track with outcome NO_DECISION", "staff", "/api/applications/" + ready + "/decision",
						"{\"outcome\":\"NO_DECISION\"}", 400, "outcome", "INVALID_INPUT"),
				new Bad("fast track with an unknown outcome", "staff", "/api/applications/" + ready + "/decision",
						"{\"outcome\":\"PERHAPS\"}", 400, "outcome", "INVALID_INPUT"),
				new Bad("grant notice reference over 200 characters", "staff", notice(voting),
						"{\"reference\":\"" + "r".repeat(201) + "\"}", 400, "reference", "INVALID_INPUT"),
				new Bad("grant notice without approval", "staff", notice(ready), null, 409, null, "WRONG_STATUS"),
				new Bad("grant notice for an unknown application", "staff", notice(UNKNOWN), null, 404, null,
						"NOT_FOUND"));
		Stream<DynamicTest> refused = cases.stream().map(bad -> DynamicTest.dynamicTest(bad.what(), () -> {
			long events = events();

			Api.Response response = this.api.post(bad.user(), bad.path(), bad.body());

			assertProblem(response, bad.status(), bad.field());
			if (bad.code() != null) {
				assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(bad.code());
			}
			assertThat(events()).as("events stored").isEqualTo(events);
		}));
		Stream<DynamicTest> reads = Stream.of(
				DynamicTest.dynamicTest("decisions of an unknown fund",
						() -> assertProblem(this.api.get("staff", "/api/decisions?fundId=no-such-fund"), 404, null)),
				DynamicTest.dynamicTest("votes of an unknown application",
						() -> assertProblem(this.api.get("staff", "/api/applications/" + UNKNOWN + "/votes"), 404,
								null)),
				DynamicTest.dynamicTest("an auditor's agenda",
						() -> assertProblem(this.api.get("auditor", "/api/agenda"), 403, null)),
				DynamicTest.dynamicTest("nothing changed, and a valid closing still works", () -> {
					assertThat(status("staff", ready)).isEqualTo("READY_FOR_DECISION");
					assertThat(status("staff", draft)).isEqualTo("DRAFT");
					assertThat(individualVotes("staff", voting).get("board2").get("recused").asBoolean()).isFalse();
					JsonNode closed = ok(this.api.post("staff", closure(voting), "{\"approvedAmount\":1000.00}"));
					assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
				}));
		return Stream.concat(refused, reads);
	}

	// ---------------------------------------------------------------- helpers

	private String openFund(String type, int year, String budget, String cap, String fastTrack) {
		String body = "{\"type\":\"%s\",\"year\":%d,\"budget\":%s,\"perProjectCap\":%s%s}".formatted(type, year, budget,
				cap, fastTrack == null ? "" : ",\"fastTrackLimit\":" + fastTrack);
		Api.Response created = this.api.post("staff", "/api/funds", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	private String draft(String applicant, String body) {
		Api.Response created = this.api.post(applicant, "/api/applications", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	/** Drafted, submitted and accepted at the formal check: ready for the decision. */
	private String ready(String applicant, String body) {
		String id = draft(applicant, body);
		ok(this.api.post(applicant, "/api/applications/" + id + "/submission", null));
		JsonNode accepted = ok(
				this.api.post("staff", "/api/applications/" + id + "/formal-check", "{\"outcome\":\"ACCEPTED\"}"));
		assertThat(accepted.get("status").asText()).isEqualTo("READY_FOR_DECISION");
		return id;
	}

	private String inVoting(String applicant, String body) {
		String id = ready(applicant, body);
		JsonNode opened = ok(this.api.post("staff", open(id), "{\"procedure\":\"MEETING\"}"));
		assertThat(opened.get("status").asText()).isEqualTo("IN_VOTING");
		return id;
	}

	private void vote(String member, String id, String choice) {
		JsonNode voted = ok(this.api.post(member, votes(id), "{\"vote\":\"" + choice + "\"}"));
		assertThat(voted.get("status").asText()).isEqualTo("IN_VOTING");
	}

	private static String open(String id) {
		return "/api/applications/" + id + "/voting";
	}

	private static String votes(String id) {
		return "/api/applications/" + id + "/voting/votes";
	}

	private static String recusal(String id) {
		return "/api/applications/" + id + "/voting/recusal";
	}

	private static String closure(String id) {
		return "/api/applications/" + id + "/voting/closure";
	}

	private static String notice(String id) {
		return "/api/applications/" + id + "/grant-notice";
	}

	private static String circular(Instant closesAt) {
		return "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}";
	}

	private String status(String user, String id) {
		return ok(this.api.get(user, "/api/applications/" + id)).get("status").asText();
	}

	/**
	 * The grant once its money is (or is not) reserved: the approval process answers
	 * asynchronously.
	 */
	private JsonNode awaitGrant(String user, String id, boolean reserved) {
		JsonNode[] grant = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			grant[0] = ok(this.api.get(user, "/api/applications/" + id)).get("grant");
			assertThat(grant[0]).isNotNull();
			assertThat(grant[0].isNull()).isFalse();
			assertThat(grant[0].get("fundsReserved").asBoolean()).isEqualTo(reserved);
		});
		return grant[0];
	}

	/** The member's agenda item for this application, or null. */
	private JsonNode agendaItem(String member, String id) {
		for (JsonNode item : ok(this.api.get(member, "/api/agenda"))) {
			if (item.get("applicationId").asText().equals(id)) {
				return item;
			}
		}
		return null;
	}

	private List<JsonNode> decisions(String user, String fund, String id) {
		List<JsonNode> found = new ArrayList<>();
		ok(this.api.get(user, "/api/decisions?fundId=" + fund)).forEach(d -> {
			if (d.get("applicationId").asText().equals(id)) {
				found.add(d);
			}
		});
		return found;
	}

	/** The latest decision on the application as the user sees it, or null. */
	private JsonNode decision(String user, String fund, String id) {
		List<JsonNode> found = decisions(user, fund, id);
		return found.isEmpty() ? null : found.get(found.size() - 1);
	}

	/** The votes of the current (last) round by member. */
	private Map<String, JsonNode> individualVotes(String user, String id) {
		Map<String, JsonNode> byMember = new HashMap<>();
		JsonNode all = ok(this.api.get(user, "/api/applications/" + id + "/votes"));
		int last = Integer.MIN_VALUE;
		for (JsonNode v : all) {
			last = Math.max(last, v.get("round").asInt());
		}
		for (JsonNode v : all) {
			if (v.get("round").asInt() == last) {
				byMember.put(v.get("username").asText(), v);
			}
		}
		return byMember;
	}

	private JsonNode body(String user, String bodyId) {
		for (JsonNode body : ok(this.api.get(user, "/api/decision-bodies"))) {
			if (body.get("id").asText().equals(bodyId)) {
				return body;
			}
		}
		throw new AssertionError("no body " + bodyId);
	}

	private static Map<String, JsonNode> members(JsonNode body) {
		Map<String, JsonNode> byName = new HashMap<>();
		body.get("members").forEach(m -> byName.put(m.get("username").asText(), m));
		return byName;
	}

	/** A duration as Jackson writes it: ISO-8601 text or seconds. */
	private static Duration duration(JsonNode value) {
		return value.isNumber() ? Duration.ofMillis((long) (value.asDouble() * 1000)) : Duration.parse(value.asText());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asText()));
		return values;
	}

	private static List<String> statuses(JsonNode application) {
		List<String> statuses = new ArrayList<>();
		application.get("history").forEach(change -> statuses.add(change.get("status").asText()));
		return statuses;
	}

	/** A field's text, or null when it is absent or null. */
	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private void delete(String user, String path) {
		Api.Response response = this.api.delete(user, path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private long events() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
	}

}
