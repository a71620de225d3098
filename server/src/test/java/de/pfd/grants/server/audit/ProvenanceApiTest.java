package de.pfd.grants.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * {@code GET /api/applications/{id}/versions/{n}} (every submitted version in full, with
 * what changed) and {@code GET /api/decisions/{id}} (where a decision comes from), read
 * from the events through the audit trail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class ProvenanceApiTest extends ApiTestSupport {

	@Test
	void every_submitted_version_reads_in_full_with_its_changes_against_the_one_before() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String first = Drafts.complete(fund, year);
		String id = this.applications.submitted("applicant1", first);
		Api.ok(this.api.post("staff", Api.formalCheck(id), "{\"outcome\":\"RETURNED\",\"note\":\"Kosten erläutern\"}"));
		String second = first.replace("Workshops für Jugendliche", "Workshops, überarbeitet")
			.replace("{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1200.00}",
					"{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1300.00},"
							+ "{\"category\":\"MATERIAL\",\"description\":\"Papier\",\"amount\":100.00}")
			.replace("\"requestedAmount\":1000.00", "\"requestedAmount\":1200.00");
		assertThat(this.api.put("applicant1", Api.application(id), second).status()).isEqualTo(200);
		Api.ok(this.api.post("applicant1", Api.submission(id), null));
		Api.ok(this.api.post("staff", Api.formalCheck(id), "{\"outcome\":\"ACCEPTED\"}"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.get("auditor", version(id, 2)).status()).isEqualTo(200));
		// the application lists its versions with where each reads in full
		JsonNode listed = this.applications.get("applicant1", id).get("versions");
		assertThat(listed).hasSize(2);
		assertThat(listed.get(1).get("href").asText()).isEqualTo(version(id, 2));
		JsonNode one = Api.ok(this.api.get("applicant1", listed.get(0).get("href").asText()));
		assertThat(one.get("version").asInt()).isEqualTo(1);
		assertThat(one.get("submittedBy").asText()).isEqualTo("applicant1");
		assertThat(one.get("role").asText()).isEqualTo("APPLICANT");
		assertThat(one.get("submittedAt").asText()).isNotBlank();
		assertThat(one.get("content").get("summary").asText()).isEqualTo("Workshops für Jugendliche");
		assertThat(one.get("content").get("applicant").get("contactName").asText()).isEqualTo("Erika Muster");
		assertThat(one.get("content").get("costs")).hasSize(1);
		assertThat(one.get("content").get("requestedAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(one.get("changes")).isEmpty();
		assertThat(one.get("previousVersion").isNull()).isTrue();

		JsonNode two = Api.ok(this.api.get("staff", version(id, 2)));
		assertThat(two.get("content").get("summary").asText()).isEqualTo("Workshops, überarbeitet");
		assertThat(two.get("previousVersion").asInt()).isEqualTo(1);
		Map<String, JsonNode[]> changes = new HashMap<>();
		two.get("changes")
			.forEach(change -> changes.put(change.get("field").asText(),
					new JsonNode[] { change.get("before"), change.get("after") }));
		assertThat(changes).containsOnlyKeys("summary", "costs[0].amount", "costs[1]", "requestedAmount");
		assertThat(changes.get("summary")[0].asText()).isEqualTo("Workshops für Jugendliche");
		assertThat(changes.get("summary")[1].asText()).isEqualTo("Workshops, überarbeitet");
		assertThat(changes.get("costs[0].amount")[0].decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(changes.get("costs[0].amount")[1].decimalValue()).isEqualByComparingTo("1300.00");
		assertThat(changes.get("costs[1]")[0].isNull()).isTrue();
		assertThat(changes.get("costs[1]")[1].get("description").asText()).isEqualTo("Papier");
		assertThat(changes.get("requestedAmount")[1].decimalValue()).isEqualByComparingTo("1200.00");

		// who may see the application: its applicant, staff, auditors, the deciding
		// body's
		// members once it is ready for the decision (as GET /api/applications/{id});
		// everybody else finds nothing
		assertThat(this.api.get("auditor", version(id, 1)).status()).isEqualTo(200);
		assertThat(this.api.get("board1", version(id, 2)).status()).isEqualTo(200);
		Api.assertCode(this.api.get("youth1", version(id, 1)), 404, "NOT_FOUND");
		Api.assertCode(this.api.get("applicant2", version(id, 1)), 404, "NOT_FOUND");
		Api.assertCode(this.api.get("staff", version(id, 3)), 404, "NOT_FOUND");
		Api.assertCode(this.api.get("staff", version(Applications.UNKNOWN, 1)), 404, "NOT_FOUND");
		Api.assertProblem(this.api.get("staff", version(id, 0)), 400, "version");
		Api.assertProblem(this.api.get("staff", Api.application(id) + "/versions/zwei"), 400, "version");
		assertThat(this.api.get("staff", Api.application(id) + "/versions/zwei").json().get("code").asText())
			.isEqualTo("INVALID_INPUT");
	}

	@Test
	void a_decisions_provenance_names_the_version_recusals_every_vote_the_count_the_rules_and_the_money() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		// filed by applicant1: board2 represents its organisation and is recused
		String id = this.applications.inVoting("applicant1", Drafts.complete(fund, year));
		Api.ok(this.api.post("board3", Api.recusal(id), "{\"reason\":\"Mitglied im Vorstand des Trägers\"}"));
		this.applications.vote("board1", id, "NO");
		this.applications.vote("board4", id, "YES");
		this.applications.vote("board5", id, "YES");
		this.applications.vote("board6", id, "ABSTAIN");
		this.applications.vote("board1", id, "YES");
		JsonNode closed = Api.ok(this.api.post("staff", Api.closure(id), "{\"approvedAmount\":900.00}"));
		assertThat(closed.get("status").asText()).isEqualTo("APPROVED");
		this.applications.awaitReserved("applicant1", id);

		String path = "/api/decisions/" + id;
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode provenance = Api.ok(this.api.get("auditor", path));
			assertThat(provenance.get("rounds")).hasSize(1);
			assertThat(provenance.get("rounds").get(0).get("money")).isNotEmpty();
		});
		JsonNode provenance = Api.ok(this.api.get("auditor", path));
		assertThat(provenance.get("applicationId").asText()).isEqualTo(id);
		assertThat(provenance.get("fundId").asText()).isEqualTo(fund);
		JsonNode round = provenance.get("rounds").get(0);
		assertThat(round.get("version").asInt()).isEqualTo(1);
		assertThat(round.get("versionHref").asText()).isEqualTo("/api/applications/" + id + "/versions/1");
		assertThat(round.get("content").get("title").asText()).isEqualTo("Demokratiewerkstatt");
		assertThat(round.get("body").asText()).isEqualTo("STEERING_BOARD");
		assertThat(round.get("procedure").asText()).isEqualTo("MEETING");
		assertThat(round.get("meeting").asBoolean()).isTrue();
		assertThat(round.get("eligible")).hasSize(7);

		Map<String, JsonNode> recusals = new HashMap<>();
		round.get("recusals").forEach(recusal -> recusals.put(recusal.get("username").asText(), recusal));
		assertThat(recusals).containsOnlyKeys("board2", "board3");
		assertThat(recusals.get("board2").get("automatic").asBoolean()).isTrue();
		assertThat(recusals.get("board3").get("automatic").asBoolean()).isFalse();
		assertThat(recusals.get("board3").get("reason").asText()).isEqualTo("Mitglied im Vorstand des Trägers");

		List<String> votes = new ArrayList<>();
		round.get("votes")
			.forEach(vote -> votes.add(vote.get("username").asText() + ":" + vote.get("choice").asText() + "<"
					+ vote.get("previous").asText()));
		assertThat(votes).containsExactly("board1:NO<null", "board4:YES<null", "board5:YES<null", "board6:ABSTAIN<null",
				"board1:YES<NO");
		JsonNode changed = round.get("votes").get(4);
		assertThat(changed.get("changed").asBoolean()).isTrue();
		assertThat(changed.get("at").asText()).isNotBlank();

		JsonNode count = round.get("count");
		assertThat(count.get("snapshotted").asInt()).isEqualTo(7);
		assertThat(count.get("recused").asInt()).isEqualTo(2);
		assertThat(count.get("eligible").asInt()).isEqualTo(5);
		assertThat(count.get("participating").asInt()).isEqualTo(4);
		assertThat(count.get("quorumPercent").asInt()).isEqualTo(50);
		assertThat(count.get("quorumRequired").asInt()).isEqualTo(3);
		assertThat(count.get("quorumReached").asBoolean()).isTrue();
		assertThat(count.get("yes").asInt()).isEqualTo(3);
		assertThat(count.get("no").asInt()).isZero();
		assertThat(count.get("abstain").asInt()).isEqualTo(1);
		assertThat(count.get("majority").asBoolean()).isTrue();
		assertThat(count.get("passed").asBoolean()).isTrue();
		assertThat(count.get("recountMatches").asBoolean()).isTrue();
		assertThat(count.get("ruleDe").asText()).contains("mehr als 50 %", "mehr Ja- als Nein-Stimmen");
		assertThat(count.get("ruleEn").asText()).contains("more than 50 %", "more yes than no");

		JsonNode rules = round.get("rules");
		assertThat(rules.get("version").asInt()).isPositive();
		assertThat(rules.get("quorumPercent").asInt()).isEqualTo(50);
		assertThat(rules.get("setBy").asText()).isIn("DecisionBodyEstablished", "VotingRulesChanged");
		assertThat(rules.get("since").get("at").asText()).isNotBlank();
		assertThat(rules.get("since").get("position").asLong())
			.isLessThan(round.get("opened").get("position").asLong());

		assertThat(round.get("opened").get("by").asText()).isEqualTo("staff");
		assertThat(round.get("opened").get("role").asText()).isEqualTo("STAFF");
		assertThat(round.get("closed").get("by").asText()).isEqualTo("staff");
		assertThat(round.get("closed").get("at").asText()).isNotBlank();
		assertThat(round.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(round.get("approvedAmount").decimalValue()).isEqualByComparingTo("900.00");
		List<String> money = new ArrayList<>();
		round.get("money").forEach(effect -> money.add(effect.get("type").asText()));
		assertThat(money).contains("FundsReserved");
		round.get("money").forEach(effect -> {
			if ("FundsReserved".equals(effect.get("type").asText())) {
				assertThat(effect.get("amount").decimalValue()).isEqualByComparingTo("900.00");
				assertThat(effect.get("fundId").asText()).isEqualTo(fund);
			}
		});

		// the list of decisions names who closed the vote
		JsonNode listed = null;
		for (JsonNode decision : Api.ok(this.api.get("auditor", Api.decisions(fund)))) {
			if (decision.get("applicationId").asText().equals(id)) {
				listed = decision;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("closedBy").asText()).isEqualTo("staff");
		assertThat(listed.get("closedByRole").asText()).isEqualTo("STAFF");

		// the same under the application; staff too
		assertThat(Api.ok(this.api.get("staff", Api.application(id) + "/decision"))).isEqualTo(provenance);
		// staff and auditors only: members (who list their body's decisions) and
		// applicants are refused, an unknown or undecided application is not found
		assertThat(this.api.get("board1", path).status()).isEqualTo(403);
		assertThat(this.api.get("applicant1", path).status()).isEqualTo(403);
		assertThat(this.api.get("applicant1", Api.application(id) + "/decision").status()).isEqualTo(403);
		Api.assertCode(this.api.get("auditor", "/api/decisions/" + Applications.UNKNOWN), 404, "NOT_FOUND");
		String undecided = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		Api.assertCode(this.api.get("auditor", "/api/decisions/" + undecided), 404, "NOT_FOUND");
	}

	@Test
	void a_fast_track_decision_is_a_round_without_a_vote_and_names_who_decided() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.approved("applicant3", Drafts.small(fund, year), "400.00");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode rounds = Api.ok(this.api.get("staff", "/api/decisions/" + id)).get("rounds");
			assertThat(rounds).hasSize(1);
			assertThat(rounds.get(0).get("money")).isNotEmpty();
		});
		JsonNode round = Api.ok(this.api.get("staff", "/api/decisions/" + id)).get("rounds").get(0);
		assertThat(round.get("fastTrack").asBoolean()).isTrue();
		assertThat(round.get("decidedBy").asText()).isEqualTo("LEAD_OFFICE");
		assertThat(round.get("version").asInt()).isEqualTo(1);
		assertThat(round.get("content").get("requestedAmount").decimalValue()).isEqualByComparingTo("400.00");
		assertThat(round.get("opened").isNull()).isTrue();
		assertThat(round.get("count").isNull()).isTrue();
		assertThat(round.get("rules").isNull()).isTrue();
		assertThat(round.get("votes")).isEmpty();
		assertThat(round.get("closed").get("by").asText()).isEqualTo("staff");
		assertThat(round.get("approvedAmount").decimalValue()).isEqualByComparingTo("400.00");
	}

	@Test
	void a_circular_vote_closed_by_its_deadline_is_closed_by_the_system() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		Instant closesAt = Instant.now().plusSeconds(3);
		Api.ok(this.api.post("staff", Api.voting(id),
				"{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, id, "YES");
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode rounds = Api.ok(this.api.get("auditor", "/api/decisions/" + id)).get("rounds");
			assertThat(rounds).hasSize(1);
		});
		JsonNode round = Api.ok(this.api.get("auditor", "/api/decisions/" + id)).get("rounds").get(0);
		assertThat(round.get("procedure").asText()).isEqualTo("CIRCULAR");
		assertThat(round.get("meeting").asBoolean()).isFalse();
		assertThat(round.get("opened").get("by").asText()).isEqualTo("staff");
		assertThat(round.get("closed").get("role").asText()).isEqualTo("SYSTEM");
		assertThat(round.get("outcome").asText()).isEqualTo("APPROVED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode listed = null;
			for (JsonNode decision : Api.ok(this.api.get("staff", Api.decisions(fund)))) {
				if (decision.get("applicationId").asText().equals(id)) {
					listed = decision;
				}
			}
			assertThat(listed).isNotNull();
			assertThat(listed.get("closedByRole").asText()).isEqualTo("SYSTEM");
			assertThat(listed.get("closedBy").asText()).isEqualTo(round.get("closed").get("by").asText());
		});
	}

	private static String version(String id, int number) {
		return Api.application(id) + "/versions/" + number;
	}

}
