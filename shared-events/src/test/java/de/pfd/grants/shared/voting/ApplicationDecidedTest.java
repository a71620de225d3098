package de.pfd.grants.shared.voting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;

/** The one mapping of a decision's outcome to the application's status. */
class ApplicationDecidedTest {

	@ParameterizedTest
	@CsvSource({ "APPROVED, APPROVED", "REJECTED, REJECTED", "RETURNED, RETURNED_FOR_REVISION",
			"NO_DECISION, NO_DECISION" })
	void a_decision_leaves_the_application_in_the_status_of_its_outcome(DecisionOutcome outcome,
			ApplicationStatus status) {
		ApplicationDecided decided = new ApplicationDecided(new ApplicationId("application-1"),
				new FundId("kreis-mettmann-action-fund-2019"), outcome, DecidedBy.STEERING_BOARD, null, null, null,
				null, 1, 1);

		assertThat(decided.resultingStatus()).isEqualTo(status);
	}

}
