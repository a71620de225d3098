package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Json.money;

import com.fasterxml.jackson.databind.JsonNode;

/** A fund's figures as plain two-decimal strings. */
record Figures(String budget, String reserved, String paid, String released, String refunded, String lapsed,
		String available) {

	/** Figures of a fund with the test budget and nothing lapsed. */
	static Figures of(String reserved, String paid, String released, String refunded, String available) {
		return new Figures(GrantFixtures.BUDGET, reserved, paid, released, refunded, "0.00", available);
	}

	/** The figures of a fund as the API answers it. */
	static Figures from(JsonNode fund) {
		return new Figures(money(fund, "budget"), money(fund, "reserved"), money(fund, "paid"), money(fund, "released"),
				money(fund, "refunded"), money(fund, "lapsed"), money(fund, "available"));
	}

}
