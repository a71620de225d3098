package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Json.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The money part of an application's grant as plain two-decimal strings (null: not set).
 */
record GrantMoney(String approved, boolean fundsReserved, String requestedPayouts, String paid, String eligible,
		String finalGrant, String refundClaim, String refunded, String refundOutstanding) {

	/** Approved, reserved, requested and paid; not settled yet. */
	static GrantMoney running(String approved, String requested, String paid) {
		return new GrantMoney(approved, true, requested, paid, null, null, null, "0.00", null);
	}

	/** Accounted for: eligible, final grant, claim, refunded, outstanding. */
	GrantMoney settled(String eligible, String finalGrant, String claim, String refunded, String outstanding) {
		return new GrantMoney(this.approved, this.fundsReserved, this.requestedPayouts, this.paid, eligible, finalGrant,
				claim, refunded, outstanding);
	}

	/** Status and the money of the grant (null: no grant yet). */
	static void assertApplication(JsonNode app, String status, GrantMoney grant) {
		assertThat(app.get("status").asText()).as(app.toString()).isEqualTo(status);
		JsonNode g = app.get("grant");
		if (grant == null) {
			assertThat(g == null || g.isNull()).as("no grant yet").isTrue();
			return;
		}
		assertThat(new GrantMoney(money(g, "approvedAmount"), g.get("fundsReserved").asBoolean(),
				money(g, "requestedPayouts"), money(g, "paid"), money(g, "eligibleAmount"), money(g, "finalGrant"),
				money(g, "refundClaim"), money(g, "refunded"), money(g, "refundOutstanding")))
			.as("grant of " + app.get("id").asText())
			.isEqualTo(grant);
	}

}
