package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.DECISION_BODIES;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Json.duration;
import static de.pfd.grants.server.voting.VotingQueries.STEERING_BOARD;
import static de.pfd.grants.server.voting.VotingQueries.YOUTH_FORUM;
import static de.pfd.grants.server.voting.VotingQueries.members;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;

/** The decision bodies over real HTTP: their members and rules, as staff manage them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionBodiesApiTest extends VotingApiTestSupport {

	@Test
	void staff_manage_the_bodies_members_and_rules() {
		JsonNode bodies = ok(this.api.get("board1", DECISION_BODIES));
		assertThat(bodies).hasSize(2);
		Map<String, JsonNode> board = members(this.queries.body("board1", STEERING_BOARD));
		Map<String, JsonNode> forum = members(this.queries.body("youth1", YOUTH_FORUM));
		assertThat(board).containsKeys("board1", "board2", "board3", "board4", "board5", "board6", "board7");
		assertThat(board.get("board2").get("organisation").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(board.get("board5").get("voting").asBoolean()).isTrue();
		assertThat(forum).containsKeys("youth1", "youth2", "youth3", "youth4", "youth5").doesNotContainKey("board1");
		assertThat(this.queries.body("board1", STEERING_BOARD).get("type").asText()).isEqualTo("STEERING_BOARD");
		assertThat(this.queries.body("board1", YOUTH_FORUM).get("type").asText()).isEqualTo("YOUTH_FORUM");
		JsonNode rules = this.queries.body("staff", STEERING_BOARD).get("rules");
		int version = rules.get("version").asInt();
		String members = Api.members(STEERING_BOARD);
		String rulesPath = Api.rules(STEERING_BOARD);
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
			assertProblem(
					this.api.post("staff", Api.members("no-such-body"), "{\"username\":\"auditor\",\"voting\":false}"),
					404, null);
			// a misspelt field is named as unknown; a missing one as missing
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":60,\"circialDays\":7}"), 400,
					"circialDays");
			assertProblem(this.api.put("staff", rulesPath, "{\"quorumPercent\":60}"), 400, "circularDays");
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
			assertProblem(this.api.put("staff", Api.rules("no-such-body"), "{\"quorumPercent\":50,\"circularDays\":7}"),
					404, null);
			assertThat(events()).isEqualTo(events);

			JsonNode added = ok(this.api.post("staff", members, "{\"username\":\"auditor\",\"voting\":false}"));

			JsonNode advisor = members(added).get("auditor");
			assertThat(advisor).isNotNull();
			assertThat(advisor.get("voting").asBoolean()).isFalse();
			assertThat(advisor.get("organisation").asText()).isEqualTo("Kreis Mettmann");
			assertThat(members(this.queries.body("board1", STEERING_BOARD))).containsKey("auditor");

			JsonNode changed = ok(this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":7}"));

			assertThat(changed.get("rules").get("version").asInt()).isEqualTo(version + 1);
			assertThat(changed.get("rules").get("quorumPercent").asInt()).isEqualTo(50);
			assertThat(duration(changed.get("rules").get("circularDuration"))).isEqualTo(Duration.ofDays(7));
			assertThat(this.queries.body("board1", STEERING_BOARD).get("rules").get("version").asInt())
				.isEqualTo(version + 1);
		}
		finally {
			// the context (and with it the steering board) is shared with other tests
			// (the outcome is checked below, so that a failure above is not masked here)
			this.api.put("staff", rulesPath, "{\"quorumPercent\":50,\"circularDays\":14}");
			if (members(this.queries.body("staff", STEERING_BOARD)).containsKey("auditor")) {
				delete("staff", members + "/auditor");
			}
		}
		JsonNode restored = this.queries.body("staff", STEERING_BOARD);
		assertThat(restored.get("rules").get("quorumPercent").asInt()).isEqualTo(50);
		assertThat(duration(restored.get("rules").get("circularDuration"))).isEqualTo(Duration.ofDays(14));
		assertThat(members(restored)).doesNotContainKey("auditor");
	}

	private void delete(String user, String path) {
		Api.Response response = this.api.delete(user, path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

}
