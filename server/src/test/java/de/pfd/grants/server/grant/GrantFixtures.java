package de.pfd.grants.server.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Funds;
import de.pfd.grants.server.Grants;

/**
 * The set-up of the grant tests: funds with the test budget and the fund's default
 * deadlines, and grants of a route brought as far as a test needs them.
 */
final class GrantFixtures {

	static final String BUDGET = "20000.00";

	/** The fund's default: money is to be spent within 6 weeks of a payout. */
	static final int SPEND_WITHIN_WEEKS = 6;

	/** The fund's default: the proof of use is due 6 weeks after the project ends. */
	static final int PROOF_DUE_WEEKS = 6;

	private final Funds funds;

	private final Applications applications;

	private final Grants grants;

	GrantFixtures(Funds funds, Applications applications, Grants grants) {
		this.funds = funds;
		this.applications = applications;
		this.grants = grants;
	}

	String openFund(Route route, int year) {
		return openFund(route.name(), year);
	}

	/**
	 * A fund of the type and year with the test budget, a cap of 5,000.00 and a fast
	 * track up to 1,000.00.
	 */
	String openFund(String type, int year) {
		JsonNode fund = this.funds.create(type, year, BUDGET, "5000.00", "1000.00");
		assertThat(fund.get("spendWithinWeeks").asInt()).isEqualTo(SPEND_WITHIN_WEEKS);
		assertThat(fund.get("proofOfUseDueWeeks").asInt()).isEqualTo(PROOF_DUE_WEEKS);
		return fund.get("id").asText();
	}

	/**
	 * Drafted, submitted, accepted and approved on the fast track (the money reserved).
	 */
	String approved(Route route, String fund, int year, String amount) {
		return this.applications.approved(route.applicant, route.application(fund, year), amount);
	}

	/** Approved on the fast track, grant notice issued and confirmed by the applicant. */
	String confirmedGrant(Route route, String fund, int year, String amount) {
		return this.grants.confirmed(route.applicant, route.application(fund, year), amount, "ZB-" + year);
	}

	/** A payout request of the amount (by applicant1) and its payout today. */
	void payOut(String id, String amount) {
		payOut(id, amount, "applicant1");
	}

	void payOut(String id, String amount, String applicant) {
		this.grants.payOut(applicant, id, amount);
	}

}
