package de.pfd.grants.server.grant;

import org.junit.jupiter.api.BeforeEach;

import de.pfd.grants.server.ApiTestSupport;

/** The grant API tests' fixtures on top of the shared ones. */
abstract class GrantApiTestSupport extends ApiTestSupport {

	GrantFixtures given;

	FundLedger ledger;

	@BeforeEach
	void grantFixtures() {
		this.given = new GrantFixtures(this.funds, this.applications, this.grants);
		this.ledger = new FundLedger(this.api);
	}

}
