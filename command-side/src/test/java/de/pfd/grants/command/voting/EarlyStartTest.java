package de.pfd.grants.command.voting;

import java.time.Instant;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * An approval records whether the project starts before the day of the approval and
 * whether that early start (vorzeitiger Maßnahmebeginn) was approved with it. The
 * standard project starts on 1 May 2019, long before today.
 */
class EarlyStartTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	private static ApplicationDecided fastTrackApproval(Boolean startsBefore, Boolean earlyStartApproved) {
		return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
				DecidedBy.LEAD_OFFICE, Votes.REQUESTED, null, null, null, 1, 0, null, startsBefore, earlyStartApproved);
	}

	@Test
	void the_fast_track_approves_an_early_start_when_asked_to() {
		this.funds.with(Funds.withFastTrackLimit(Funds.actionFundTerms(), Votes.euros("1500.00")));
		this.fixture.given(Applications.readyForDecision())
			.when(new DecideOnFastTrackCommand(Applications.APPLICATION, true, null, null, null, true))
			.expectEvents(fastTrackApproval(true, true));
	}

	@Test
	void an_approval_before_the_project_starts_records_no_early_start_even_if_asked() {
		this.funds.with(Funds.withFastTrackLimit(Funds.actionFundTerms(), Votes.euros("1500.00")));
		// the day before the start on 1 May 2019, in Germany
		this.fixture.givenCurrentTime(Instant.parse("2019-04-30T21:59:00Z"))
			.andGiven(Applications.readyForDecision())
			.when(new DecideOnFastTrackCommand(Applications.APPLICATION, true, null, null, null, true))
			.expectEvents(fastTrackApproval(false, false));
	}

	@Test
	void an_approval_on_the_first_day_of_the_project_is_not_early() {
		this.funds.with(Funds.withFastTrackLimit(Funds.actionFundTerms(), Votes.euros("1500.00")));
		// 1 May 2019, 00:01 in Germany: the project starts that day, not before it
		this.fixture.givenCurrentTime(Instant.parse("2019-04-30T22:01:00Z"))
			.andGiven(Applications.readyForDecision())
			.when(new DecideOnFastTrackCommand(Applications.APPLICATION, true, null, null, null, false))
			.expectEvents(fastTrackApproval(false, false));
	}

	@Test
	void an_approval_on_the_second_day_of_the_project_is_early() {
		this.funds.with(Funds.withFastTrackLimit(Funds.actionFundTerms(), Votes.euros("1500.00")));
		this.fixture.givenCurrentTime(Instant.parse("2019-05-01T22:01:00Z"))
			.andGiven(Applications.readyForDecision())
			.when(new DecideOnFastTrackCommand(Applications.APPLICATION, true, null, null, null, false))
			.expectEvents(fastTrackApproval(true, false));
	}

	@Test
	void a_rejection_records_nothing_about_an_early_start() {
		this.fixture.given(Applications.readyForDecision())
			.when(new DecideOnFastTrackCommand(Applications.APPLICATION, false, null, null, "no local relevance", true))
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.REJECTED, DecidedBy.LEAD_OFFICE, null, null, "no local relevance", null, 1, 0));
	}

	@Test
	void a_meeting_approves_the_early_start_when_its_vote_is_closed_with_it() {
		this.fixture
			.given(Applications.readyForDecision(Votes.opened(Votes.board(3)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.YES)))
			.when(new CloseVoteCommand(Applications.APPLICATION, null, null, false, null, true))
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.STEERING_BOARD, Votes.REQUESTED, null, null,
					Votes.tally(2, 0, 0, 3, 2, 2, true), 1, Votes.RULES.version(), null, true, true));
	}

	@Test
	void a_circular_vote_may_propose_an_early_start() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(new OpenVoteCommand(Applications.APPLICATION, VoteProcedure.CIRCULAR, Votes.CLOSES_AT, true))
			.expectEvents(new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD,
					VoteProcedure.CIRCULAR, Votes.CLOSES_AT, Votes.board(7), Votes.RULES, true));
	}

	@Test
	void the_deadline_of_a_circular_vote_proposing_an_early_start_approves_it() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.andGivenCommands(
					new OpenVoteCommand(Applications.APPLICATION, VoteProcedure.CIRCULAR, Votes.CLOSES_AT, true),
					Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES),
					Votes.cast(4, VoteChoice.YES))
			.whenTimeAdvancesTo(Votes.CLOSES_AT)
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.STEERING_BOARD, Votes.REQUESTED, null, Votes.CIRCULAR_NOTE,
					Votes.tally(4, 0, 0, 7, 4, 4, true), 1, Votes.RULES.version(), Votes.CLOSES_AT, true, true));
	}

}
