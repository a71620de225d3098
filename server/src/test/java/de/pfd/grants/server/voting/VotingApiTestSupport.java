package de.pfd.grants.server.voting;

import org.junit.jupiter.api.BeforeEach;

import de.pfd.grants.server.ApiTestSupport;

/** The voting API tests' reads on top of the shared fixtures. */
abstract class VotingApiTestSupport extends ApiTestSupport {

	VotingQueries queries;

	@BeforeEach
	void votingQueries() {
		this.queries = new VotingQueries(this.api);
	}

}
