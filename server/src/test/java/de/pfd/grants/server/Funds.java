package de.pfd.grants.server;

import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;

import com.fasterxml.jackson.databind.JsonNode;

/** Funds over HTTP for the API tests: opened by staff of the demo partnership. */
public final class Funds {

	private final Api api;

	public Funds(Api api) {
		this.api = api;
	}

	/**
	 * Opens a fund of the type and year (a null cap or fast-track limit is left out) and
	 * answers the fund as opened.
	 */
	public JsonNode create(String type, int year, String budget, String perProjectCap, String fastTrackLimit) {
		String body = "{\"type\":\"%s\",\"year\":%d,\"budget\":%s%s%s}".formatted(type, year, budget,
				perProjectCap == null ? "" : ",\"perProjectCap\":" + perProjectCap,
				fastTrackLimit == null ? "" : ",\"fastTrackLimit\":" + fastTrackLimit);
		return created(this.api.post("staff", Api.FUNDS, body));
	}

	/** Opens a fund as {@link #create} does and answers its id. */
	public String open(String type, int year, String budget, String perProjectCap, String fastTrackLimit) {
		return create(type, year, budget, perProjectCap, fastTrackLimit).get("id").asText();
	}

	/** The fund as the user reads it now. */
	public JsonNode get(String user, String id) {
		return ok(this.api.get(user, Api.fund(id)));
	}

}
