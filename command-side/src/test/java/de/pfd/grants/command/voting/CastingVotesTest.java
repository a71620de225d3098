package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;

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
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.VoteChoice;

/** Casting votes and declaring recusals while a vote is open. */
class CastingVotesTest {

	private final FixedRosters rosters = Votes.rosters();

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), this.rosters);

	private final List<Object> openVote = Applications.readyForDecision(Votes.opened(Votes.board(7)));

	@Test
	void a_voting_member_casts_a_vote() {
		this.fixture.given(this.openVote)
			.when(Votes.cast(1, VoteChoice.YES))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.voted(1, VoteChoice.YES));
	}

	@Test
	void a_second_vote_of_the_same_member_is_cast_again() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES))
			.when(Votes.cast(1, VoteChoice.NO))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.voted(1, VoteChoice.NO));
	}

	@Test
	void the_same_vote_again_emits_nothing_and_succeeds() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_vote_without_a_choice_is_refused_and_cannot_jam_the_count() {
		this.fixture.given(this.openVote)
			.when(Votes.cast(1, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "vote"))
			.expectNoEvents();
	}

	@Test
	void a_member_removed_from_the_body_while_the_vote_is_open_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		// the snapshot still names member-7; the body no longer does
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(Votes.board(6)));
		this.fixture.given(this.openVote)
			.when(Votes.cast(7, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage(
					"Kein stimmberechtigtes Mitglied des Gremiums mehr / no longer a voting member of the deciding body")
			.expectNoEvents();
	}

	@Test
	void a_member_removed_from_the_body_while_the_vote_is_open_cannot_declare_a_recusal_either() {
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(Votes.board(6)));
		this.fixture.given(this.openVote)
			.when(new DeclareRecusalCommand(Applications.APPLICATION, Votes.username(7), "Befangen"))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void a_member_made_advisory_while_the_vote_is_open_cannot_vote() {
		List<Member> members = new ArrayList<>(Votes.board(6));
		members.add(new Member(Votes.username(7), "Mitglied 7", "Verein 7", false));
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(members));
		this.fixture.given(this.openVote)
			.when(Votes.cast(7, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void a_member_who_declared_a_recusal_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, "member-1", "board member of the applicant", false))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("a recused member does not vote on this application")
			.expectNoEvents();
	}

	@Test
	void an_automatically_recused_member_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, "member-7", Votes.AUTOMATIC_RECUSAL, true))
			.when(Votes.cast(7, VoteChoice.NO))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void a_member_of_another_body_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.when(new CastVoteCommand(Applications.APPLICATION, "youth-forum-1", VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("only voting members of the deciding body may vote on this application")
			.expectNoEvents();
	}

	@Test
	void a_member_who_joined_the_body_after_the_opening_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.when(Votes.cast(8, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void an_advisory_member_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		List<Member> body = new ArrayList<>(Votes.board(7));
		body.add(Votes.advisor());
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(body));
		this.fixture.given(Applications.readyForDecision())
			.andGivenCommands(Votes.openMeeting())
			.when(new CastVoteCommand(Applications.APPLICATION, Votes.advisor().username(), VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void voting_before_a_vote_was_opened_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("there is no open vote on this application")
			.expectNoEvents();
	}

	@Test
	void voting_after_the_close_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.NO),
					Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
							Votes.tally(3, 1, 0, 7, 4, 4, true)))
			.when(Votes.cast(5, VoteChoice.NO))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void voting_after_a_close_without_decision_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(this.openVote)
			.andGiven(Votes.noDecision())
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	// declare a recusal

	@Test
	void declaring_a_recusal_emits_member_recused_not_automatic_with_the_stripped_reason() {
		this.fixture.given(this.openVote)
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "member-2", "  treasurer of the applicant "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberRecused(Applications.APPLICATION, "member-2", "treasurer of the applicant", false));
	}

	@Test
	void declaring_a_recusal_without_a_reason_records_no_reason() {
		this.fixture.given(this.openVote)
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "member-2", " "))
			.expectEvents(new MemberRecused(Applications.APPLICATION, "member-2", null, false));
	}

	@Test
	void a_member_outside_the_snapshot_cannot_declare_a_recusal() {
		this.fixture.given(this.openVote)
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "youth-forum-1", "conflict"))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

}
