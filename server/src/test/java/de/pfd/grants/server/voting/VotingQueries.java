package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;

/**
 * What members, staff and auditors read about votes over HTTP: agenda items, decisions,
 * the votes cast, and the decision bodies.
 */
final class VotingQueries {

	static final String STEERING_BOARD = "kreis-mettmann-steering-board";

	static final String YOUTH_FORUM = "kreis-mettmann-youth-forum";

	private final Api api;

	VotingQueries(Api api) {
		this.api = api;
	}

	/** The member's agenda item for this application, or null. */
	JsonNode agendaItem(String member, String id) {
		for (JsonNode item : ok(this.api.get(member, Api.AGENDA))) {
			if (item.get("applicationId").asText().equals(id)) {
				return item;
			}
		}
		return null;
	}

	/** The decisions on the application as the user sees them, oldest first. */
	List<JsonNode> decisions(String user, String fund, String id) {
		List<JsonNode> found = new ArrayList<>();
		ok(this.api.get(user, Api.decisions(fund))).forEach(d -> {
			if (d.get("applicationId").asText().equals(id)) {
				found.add(d);
			}
		});
		return found;
	}

	/** The latest decision on the application as the user sees it, or null. */
	JsonNode decision(String user, String fund, String id) {
		List<JsonNode> found = decisions(user, fund, id);
		return found.isEmpty() ? null : found.get(found.size() - 1);
	}

	/** The votes of the current (last) round by member. */
	Map<String, JsonNode> individualVotes(String user, String id) {
		Map<String, JsonNode> byMember = new HashMap<>();
		JsonNode all = ok(this.api.get(user, Api.recordedVotes(id)));
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

	/** The decision body as the user reads it. */
	JsonNode body(String user, String bodyId) {
		for (JsonNode body : ok(this.api.get(user, Api.DECISION_BODIES))) {
			if (body.get("id").asText().equals(bodyId)) {
				return body;
			}
		}
		throw new AssertionError("no body " + bodyId);
	}

	/** The body's members by username. */
	static Map<String, JsonNode> members(JsonNode body) {
		Map<String, JsonNode> byName = new HashMap<>();
		body.get("members").forEach(m -> byName.put(m.get("username").asText(), m));
		return byName;
	}

}
