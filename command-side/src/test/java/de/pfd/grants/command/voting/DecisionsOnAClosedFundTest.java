package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.VoteChoice;

/**
 * A closed fund has no money to give: a vote or a fast-track decision that would approve
 * is refused with FUND_CLOSED before anything is stored (it used to end approved with
 * nothing reserved); refusing or returning an application still works.
 */
class DecisionsOnAClosedFundTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds()
		.with(Funds.closed(Funds.actionFundTerms()));

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	private final List<Object> approvingVote = Applications.readyForDecision(Votes.opened(Votes.board(7)),
			Votes.approvingVotes());

	@Test
	void closing_a_vote_that_approves_is_refused_with_FUND_CLOSED() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close())
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void closing_a_vote_that_rejects_is_recorded() {
		this.fixture
			.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.NO),
					Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.NO), Votes.voted(4, VoteChoice.YES)))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(1, 3, 0, 7, 4, 4, true)));
	}

	@Test
	void a_fast_track_approval_is_refused_with_FUND_CLOSED_and_a_fast_track_refusal_is_recorded() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(false, null, null, "nicht förderfähig"))
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.REJECTED, DecidedBy.LEAD_OFFICE, null, null, "nicht förderfähig", null, 1, 0));
	}

	@Test
	void a_circular_vote_that_would_approve_does_not_close_at_its_deadline_on_a_closed_fund() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT), Votes.cast(1, VoteChoice.YES),
					Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES), Votes.cast(4, VoteChoice.NO))
			.whenTimeAdvancesTo(Votes.CLOSES_AT)
			.expectTriggeredDeadlines(1)
			.expectNoEvents();
	}

}
