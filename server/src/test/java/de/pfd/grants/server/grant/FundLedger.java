package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Json.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;

/**
 * A fund as the grant tests check it: its figures now and as they stood at an instant,
 * and its movements.
 */
final class FundLedger {

	private final Api api;

	FundLedger(Api api) {
		this.api = api;
	}

	/** The fund as staff read it now. */
	JsonNode fund(String fund) {
		return ok(this.api.get("staff", Api.fund(fund)));
	}

	Figures figures(String fund) {
		return Figures.from(fund(fund));
	}

	void assertFund(String fund, Figures expected) {
		assertThat(figures(fund)).as("fund figures").isEqualTo(expected);
	}

	void assertFundAsOf(String fund, Instant asOf, Figures expected) {
		JsonNode then = ok(this.api.get("auditor", Api.fundAsOf(fund, asOf)));
		assertThat(Figures.from(then)).as("fund figures as of " + asOf).isEqualTo(expected);
		assertThat(instant(then, "asOf")).isEqualTo(asOf);
	}

	/** The fund's movements as staff read them. */
	JsonNode movements(String fund) {
		return ok(this.api.get("staff", Api.movements(fund)));
	}

	static List<String> types(JsonNode movements) {
		List<String> types = new ArrayList<>();
		movements.forEach(m -> types.add(m.get("type").asText()));
		return types;
	}

	/** The n-th movement of the type. */
	static JsonNode movement(JsonNode movements, String type, int n) {
		int seen = 0;
		for (JsonNode m : movements) {
			if (m.get("type").asText().equals(type) && seen++ == n) {
				return m;
			}
		}
		throw new AssertionError("no movement " + type + " #" + n + " in " + movements);
	}

}
