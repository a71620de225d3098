package de.pfd.grants.server;

import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applications over HTTP for the API tests, brought as far as a test needs them: drafted,
 * submitted, ready for the decision, in a vote, approved.
 */
public final class Applications {

	/** An application id nobody has used. */
	public static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

	private final Api api;

	public Applications(Api api) {
		this.api = api;
	}

	/** A draft of the applicant: the application as created. */
	public JsonNode create(String applicant, String body) {
		return created(this.api.post(applicant, Api.APPLICATIONS, body));
	}

	/** A draft of the applicant: its id. */
	public String draft(String applicant, String body) {
		return create(applicant, body).get("id").asText();
	}

	/** Drafted and submitted. */
	public String submitted(String applicant, String body) {
		String id = draft(applicant, body);
		ok(this.api.post(applicant, Api.submission(id), null));
		return id;
	}

	/** Drafted, submitted and accepted at the formal check: ready for the decision. */
	public String ready(String applicant, String body) {
		String id = submitted(applicant, body);
		JsonNode accepted = ok(this.api.post("staff", Api.formalCheck(id), "{\"outcome\":\"ACCEPTED\"}"));
		assertThat(accepted.get("status").asText()).isEqualTo("READY_FOR_DECISION");
		return id;
	}

	/** Ready, and in a vote held at a meeting. */
	public String inVoting(String applicant, String body) {
		String id = ready(applicant, body);
		JsonNode opened = ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"MEETING\"}"));
		assertThat(opened.get("status").asText()).isEqualTo("IN_VOTING");
		return id;
	}

	/** The member's vote; the application stays in voting. */
	public void vote(String member, String id, String choice) {
		JsonNode voted = ok(this.api.post(member, Api.votes(id), "{\"vote\":\"" + choice + "\"}"));
		assertThat(voted.get("status").asText()).isEqualTo("IN_VOTING");
	}

	/** Ready, and approved with the amount on the fast track, the money reserved. */
	public String approved(String applicant, String body, String amount) {
		String id = ready(applicant, body);
		JsonNode decided = ok(this.api.post("staff", Api.fastTrack(id),
				"{\"outcome\":\"APPROVED\",\"approvedAmount\":" + amount + "}"));
		assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
		awaitReserved(applicant, id);
		return id;
	}

	/** The application as the user reads it. */
	public JsonNode get(String user, String id) {
		return ok(this.api.get(user, Api.application(id)));
	}

	public String status(String user, String id) {
		return get(user, id).get("status").asText();
	}

	/**
	 * The application once the approval process, which answers asynchronously, has
	 * reserved its money.
	 */
	public JsonNode awaitReserved(String user, String id) {
		JsonNode[] app = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			app[0] = get(user, id);
			JsonNode grant = app[0].get("grant");
			assertThat(grant).isNotNull();
			assertThat(grant.isNull()).isFalse();
			assertThat(grant.get("fundsReserved").asBoolean()).isTrue();
		});
		return app[0];
	}

	/** The grant once its money is reserved (see {@link #awaitReserved}). */
	public JsonNode awaitGrant(String user, String id) {
		return awaitReserved(user, id).get("grant");
	}

	/** The statuses of the application's history, oldest first. */
	public static List<String> statuses(JsonNode application) {
		List<String> statuses = new ArrayList<>();
		application.get("history").forEach(change -> statuses.add(change.get("status").asText()));
		return statuses;
	}

}
