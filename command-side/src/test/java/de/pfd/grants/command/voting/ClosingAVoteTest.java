package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Duration;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Closing a vote: what the decision says (amount, conditions, note, tally, versions) and
 * when a vote cannot be closed.
 */
class ClosingAVoteTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), Votes.rosters());

	/** Seven members, of whom 3 voted YES and 1 NO. */
	private final List<Object> approvingVote = Applications.readyForDecision(Votes.opened(Votes.board(7)),
			Votes.approvingVotes());

	private static final Tally APPROVING_TALLY = Votes.tally(3, 1, 0, 7, 4, 4, true);

	@Test
	void closing_with_a_reduced_amount_and_conditions_approves_those() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(Votes.euros("800.00"), "  proof of use by 2019-12-31 ", false, " reduced: no catering "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.euros("800.00"), "proof of use by 2019-12-31",
					"reduced: no catering", APPROVING_TALLY));
	}

	@Test
	void blank_conditions_and_note_are_recorded_as_none() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(null, "  ", false, "\t"))
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null, APPROVING_TALLY));
	}

	@Test
	void approving_exactly_the_requested_amount_is_allowed() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(Votes.euros("1000.00"), null, false, null))
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null, APPROVING_TALLY));
	}

	@Test
	void approving_more_than_requested_is_refused_with_INVALID_AMOUNT_naming_approvedAmount() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(Votes.euros("1000.01"), null, false, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectExceptionMessage(Matchers.containsString("at most the requested 1000.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void approving_nothing_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(Money.ZERO, null, false, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_rejection_records_neither_amount_nor_conditions() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7))))
			.andGiven(Votes.voted(1, VoteChoice.NO), Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.NO),
					Votes.voted(4, VoteChoice.YES))
			.when(Votes.close(Votes.euros("500.00"), "some conditions", false, "not convincing"))
			.expectEvents(Votes.decided(DecisionOutcome.REJECTED, null, null, "not convincing",
					Votes.tally(1, 3, 0, 7, 4, 4, true)));
	}

	@Test
	void returning_for_improvement_closes_with_RETURNED() {
		this.fixture.given(this.approvingVote)
			.when(Votes.close(null, "would be ignored", true, "please describe the target group"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.RETURNED, null, null, "please describe the target group",
					APPROVING_TALLY));
	}

	@Test
	void an_application_returned_by_the_body_may_be_revised_by_its_owner() {
		this.fixture.given(this.approvingVote)
			.andGiven(Votes.decided(DecisionOutcome.RETURNED, null, null, "please describe the target group",
					APPROVING_TALLY))
			.when(Applications.update(Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDraftUpdated(Applications.APPLICATION, Applications.completeContent()));
	}

	@Test
	void returning_for_improvement_without_quorum_is_no_decision() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES)))
			.when(Votes.close(null, null, true, "please revise"))
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, "please revise",
					Votes.tally(1, 0, 0, 7, 1, 4, false)));
	}

	@Test
	void the_decision_carries_the_tally_the_application_version_and_the_rule_version() {
		VotingRules rules = new VotingRules(3, 50, Duration.ofDays(14));
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1),
					Applications.submitted(2), Applications.accepted(2),
					new VoteOpened(Applications.APPLICATION, 2, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING,
							null, Votes.board(7), rules),
					new MemberRecused(Applications.APPLICATION, "member-6", "conflict", false),
					new MemberRecused(Applications.APPLICATION, "member-2", Votes.AUTOMATIC_RECUSAL, true),
					Votes.voted(1, VoteChoice.YES), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.NO),
					Votes.voted(5, VoteChoice.ABSTAIN))
			.when(Votes.close())
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.STEERING_BOARD, Votes.REQUESTED, null, null,
					new Tally(2, 1, 1, 5, 4, 3, true, List.of("member-2", "member-6")), 2, 3, null, true, false));
	}

	@Test
	void a_decision_of_the_youth_forum_names_the_youth_forum() {
		this.fixture
			.given(Applications.readyForDecision(new VoteOpened(Applications.APPLICATION, 1,
					DecisionBodyType.YOUTH_FORUM, VoteProcedure.MEETING, null, Votes.board(3), Votes.RULES)))
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.YOUTH_FORUM, Votes.REQUESTED, null, null,
					Votes.tally(2, 0, 0, 3, 2, 2, true), 1, 1, null, true, false));
	}

	@Test
	void closing_without_an_open_vote_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.close())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht durch den Abschluss einer Abstimmung entschieden werden / an application in status READY_FOR_DECISION cannot be decided by closing a vote")
			.expectNoEvents();
	}

	@Test
	void closing_a_vote_twice_is_refused_with_WRONG_STATUS() {
		this.fixture.given(this.approvingVote)
			.andGiven(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null, APPROVING_TALLY))
			.when(Votes.close())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
