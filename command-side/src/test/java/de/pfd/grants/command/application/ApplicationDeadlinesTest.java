package de.pfd.grants.command.application;

import java.time.Duration;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.grant.Grants;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The root receives the deadlines scheduled by its parts and passes them on: a circular
 * vote's deadline closes only the round it was scheduled for.
 */
class ApplicationDeadlinesTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	/** A first circular round without decision, a second with approving votes. */
	private final List<Object> secondRound = Applications.readyForDecision(
			Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.noDecision(),
			Votes.openedCircular(Votes.CLOSES_AT.plus(Duration.ofDays(14)), Votes.board(7)), Votes.approvingVotes());

	@Test
	void a_stale_deadline_of_an_earlier_round_does_not_close_the_current_vote() {
		this.fixture.given(this.secondRound)
			// as if the first round's deadline had not been cancelled
			.whenInvoking(Applications.APPLICATION.value(),
					application -> application.circularVoteCloses(1, this.funds))
			.expectNoEvents();
	}

	@Test
	void the_deadline_of_the_current_round_closes_the_vote() {
		this.fixture.given(this.secondRound)
			.whenInvoking(Applications.APPLICATION.value(),
					application -> application.circularVoteCloses(2, this.funds))
			.expectEvents(Votes.decidedAtDeadline(DecisionOutcome.APPROVED, Votes.REQUESTED,
					Votes.tally(3, 1, 0, 7, 4, 4, true), Votes.CLOSES_AT.plus(Duration.ofDays(14))));
	}

	@Test
	void a_proof_of_use_deadline_that_runs_twice_flags_the_grant_once() {
		this.fixture
			.given(Grants.confirmedGrant(new ProofOfUseOverdue(Applications.APPLICATION, Grants.PROOF_OF_USE_DUE_ON)))
			// as if a node had been killed after the first run, before the task was done
			.whenInvoking(Applications.APPLICATION.value(),
					application -> application.proofOfUseDue(Grants.PROOF_OF_USE_DUE_ON))
			.expectNoEvents();
	}

}
