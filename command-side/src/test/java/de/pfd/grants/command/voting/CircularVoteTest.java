package de.pfd.grants.command.voting;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.VoteChoice;

/** A circular vote closes by itself at its deadline, unless it was closed before. */
class CircularVoteTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), Votes.rosters());

	/**
	 * A circular vote of seven members opened at {@code NOW}, closing at
	 * {@code CLOSES_AT}.
	 */
	private TestExecutor<Application> openCircularVote(Object... thenCommands) {
		return this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT))
			.andGivenCommands(thenCommands);
	}

	@Test
	void the_deadline_closes_a_circular_vote_at_its_closing_time() {
		openCircularVote(Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES),
				Votes.cast(4, VoteChoice.NO))
			.whenTimeAdvancesTo(Votes.CLOSES_AT)
			.expectTriggeredDeadlinesWithName(Ballot.CIRCULAR_VOTE_CLOSES)
			.expectTriggeredDeadlines(1)
			.expectEvents(Votes.decidedAtDeadline(DecisionOutcome.APPROVED, Votes.REQUESTED,
					Votes.tally(3, 1, 0, 7, 4, 4, true), Votes.CLOSES_AT))
			.expectNoScheduledDeadlines();
	}

	/** Closed a day late (no node ran at the deadline): dated at the deadline. */
	@Test
	void a_circular_vote_without_quorum_closes_with_NO_DECISION_when_time_elapses() {
		openCircularVote(Votes.cast(1, VoteChoice.YES)).whenTimeElapses(Duration.ofDays(15))
			.expectTriggeredDeadlinesWithName(Ballot.CIRCULAR_VOTE_CLOSES)
			.expectEvents(Votes.decidedAtDeadline(DecisionOutcome.NO_DECISION, null,
					Votes.tally(1, 0, 0, 7, 1, 4, false), Votes.CLOSES_AT));
	}

	@Test
	void a_circular_vote_stays_open_before_its_closing_time() {
		openCircularVote(Votes.cast(1, VoteChoice.YES)).whenTimeAdvancesTo(Votes.CLOSES_AT.minusSeconds(1))
			.expectNoEvents()
			.expectScheduledDeadlineWithName(Votes.CLOSES_AT, Ballot.CIRCULAR_VOTE_CLOSES);
	}

	@Test
	void a_circular_vote_closed_early_is_not_decided_again_by_its_deadline() {
		openCircularVote(Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES),
				Votes.cast(4, VoteChoice.YES), Votes.close())
			.whenTimeAdvancesTo(Votes.CLOSES_AT.plusSeconds(1))
			.expectNoEvents();
	}

	@Test
	void the_deadline_of_an_earlier_round_does_not_close_the_next_vote() {
		Instant secondClosesAt = Votes.CLOSES_AT.plus(Duration.ofDays(14));
		// round 1 closed early without quorum, round 2 closes two weeks later
		openCircularVote(Votes.close(), Votes.openCircular(secondClosesAt), Votes.cast(1, VoteChoice.YES))
			.whenTimeAdvancesTo(Votes.CLOSES_AT.plusSeconds(1))
			.expectNoEvents()
			.expectScheduledDeadline(secondClosesAt, 2);
	}

	@Test
	void closing_a_circular_vote_early_cancels_its_deadline() {
		openCircularVote(Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES),
				Votes.cast(4, VoteChoice.YES))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(4, 0, 0, 7, 4, 4, true)))
			.expectNoScheduledDeadlines();
	}

}
