package de.pfd.grants.command.voting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Closing a vote of seven members (default rules: more than half take part, more YES than
 * NO): who counts for the quorum and for the majority.
 */
class QuorumAndMajorityTest {

	private final FixedRosters rosters = Votes.rosters();

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), this.rosters);

	private final List<Object> openVote = Applications.readyForDecision(Votes.opened(Votes.board(7)));

	@Test
	void three_votes_of_seven_members_miss_the_quorum_and_close_with_NO_DECISION() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(3, 0, 0, 7, 3, 4, false)));
	}

	@Test
	void four_votes_of_seven_members_3_yes_1_no_reach_the_quorum_and_approve_the_requested_amount() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.approvingVotes())
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void abstentions_count_for_the_quorum_but_not_for_the_majority_2_yes_2_abstain_approve() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.ABSTAIN),
					Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.ABSTAIN))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(2, 0, 2, 7, 4, 4, true)));
	}

	@Test
	void a_tie_of_2_yes_2_no_rejects() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.NO))
			.when(Votes.close(Votes.euros("800.00"), "report by 2019-12-31", false, null))
			.expectEvents(
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(2, 2, 0, 7, 4, 4, true)));
	}

	@Test
	void only_abstentions_reach_the_quorum_but_reject() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.ABSTAIN), Votes.voted(2, VoteChoice.ABSTAIN),
					Votes.voted(3, VoteChoice.ABSTAIN), Votes.voted(4, VoteChoice.ABSTAIN))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(0, 0, 4, 7, 4, 4, true)));
	}

	@Test
	void a_declared_recusal_reduces_the_eligible_members_7_to_6_which_still_need_4() {
		this.fixture.given(this.openVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
					Votes.tally(3, 0, 0, 6, 3, 4, false, "member-7")));
	}

	@Test
	void four_votes_of_six_eligible_after_a_recusal_approve() {
		this.fixture.given(this.openVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false))
			.andGiven(Votes.approvingVotes())
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 6, 4, 4, true, "member-7")));
	}

	@Test
	void an_automatically_recused_member_does_not_count_for_the_quorum() {
		List<Member> body = new ArrayList<>(Votes.board(6));
		body.add(new Member("member-7", "Mitglied 7", "Demokratie leben e.V.", true));
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(body));
		this.fixture.given(Applications.readyForDecision())
			.andGivenCommands(Votes.openMeeting(), Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES),
					Votes.cast(3, VoteChoice.NO))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
					Votes.tally(2, 1, 0, 6, 3, 4, false, "member-7")));
	}

	@Test
	void a_vote_cast_before_a_recusal_does_not_count() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.NO), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.YES), Votes.voted(5, VoteChoice.NO))
			.andGivenCommands(new DeclareRecusalCommand(Applications.APPLICATION, "member-1", "noticed a conflict"))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 6, 4, 4, true, "member-1")));
	}

	@Test
	void the_tally_counts_only_the_last_vote_of_a_member() {
		// 2 YES, 2 NO would be a tie; member-3 changes to YES
		this.fixture.given(this.openVote)
			.andGivenCommands(Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES),
					Votes.cast(3, VoteChoice.NO), Votes.cast(4, VoteChoice.NO), Votes.cast(3, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void a_changed_vote_does_not_add_a_participant() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(3, VoteChoice.NO))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(2, 1, 0, 7, 3, 4, false)));
	}

	@Test
	void the_quorum_follows_the_rules_of_the_snapshot() {
		VotingRules twoThirds = new VotingRules(4, 66, Duration.ofDays(14));
		this.fixture
			.given(Applications.readyForDecision(new VoteOpened(Applications.APPLICATION, 1,
					DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING, null, Votes.board(7), twoThirds)))
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.YES))
			.when(Votes.close())
			// 7 * 66 % = 4.62: more than that is 5
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.NO_DECISION, DecidedBy.STEERING_BOARD, null, null, null,
					Votes.tally(4, 0, 0, 7, 4, 5, false), 1, 4));
	}

	@Test
	void a_new_vote_starts_without_the_votes_and_recusals_of_the_last() {
		this.fixture.given(this.openVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
							Votes.tally(3, 0, 0, 6, 3, 4, false, "member-7")),
					Votes.opened(Votes.board(7)))
			.andGivenCommands(Votes.cast(7, VoteChoice.NO), Votes.cast(4, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(1, 1, 0, 7, 2, 4, false)));
	}

}
