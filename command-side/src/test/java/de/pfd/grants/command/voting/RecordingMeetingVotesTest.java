package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.RecordMeetingVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;

/**
 * Staff record the votes of a meeting as minuted: only at a meeting, only for its voters.
 */
class RecordingMeetingVotesTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), Votes.rosters());

	private final List<Object> meetingVote = Applications.readyForDecision(Votes.opened(Votes.board(7)));

	private static RecordMeetingVoteCommand minuted(int member, VoteChoice choice) {
		return new RecordMeetingVoteCommand(Applications.APPLICATION, Votes.username(member), choice, false, null);
	}

	@Test
	void a_vote_minuted_at_a_meeting_is_recorded_as_the_members_vote() {
		this.fixture.given(this.meetingVote)
			.when(minuted(1, VoteChoice.YES))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.voted(1, VoteChoice.YES));
	}

	@Test
	void a_minuted_vote_corrected_replaces_the_earlier_one() {
		this.fixture.given(this.meetingVote)
			.andGiven(Votes.voted(2, VoteChoice.YES))
			.when(minuted(2, VoteChoice.ABSTAIN))
			.expectEvents(Votes.voted(2, VoteChoice.ABSTAIN));
	}

	@Test
	void a_minuted_recusal_is_recorded_with_its_reason_and_not_as_automatic() {
		this.fixture.given(this.meetingVote)
			.when(new RecordMeetingVoteCommand(Applications.APPLICATION, Votes.username(3), null, true,
					"Vorstand des Antragstellers"))
			.expectEvents(new MemberRecused(Applications.APPLICATION, Votes.username(3), "Vorstand des Antragstellers",
					false));
	}

	@Test
	void staff_cannot_record_votes_for_a_circular_vote_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7))))
			.when(minuted(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS, "member"))
			.expectNoEvents();
	}

	@Test
	void a_member_outside_the_snapshot_taken_at_the_opening_is_refused_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(6))))
			.when(minuted(7, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE, "member"))
			.expectNoEvents();
	}

	@Test
	void a_recused_member_gets_no_minuted_vote() {
		this.fixture.given(this.meetingVote)
			.andGiven(new MemberRecused(Applications.APPLICATION, Votes.username(1), "befangen", false))
			.when(minuted(1, VoteChoice.NO))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void nothing_is_recorded_without_an_open_vote() {
		this.fixture.given(Applications.readyForDecision())
			.when(minuted(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	/** The minutes recorded later: the resolution counts on the meeting's day. */
	@Test
	void a_meetings_resolution_recorded_later_is_dated_at_the_meeting() {
		// the vote opened at the meeting (the clock of the fixture stands still)
		Instant meeting = Instant.parse("2019-05-15T10:00:00Z");
		ApplicationDecided now = Votes.noDecision();
		this.fixture.givenCurrentTime(meeting)
			.andGiven(this.meetingVote)
			.when(closedAt(meeting))
			.expectEvents(new ApplicationDecided(now.applicationId(), now.fundId(), now.outcome(), now.decidedBy(),
					now.approvedAmount(), now.conditions(), now.note(), now.tally(), now.version(), now.ruleVersion(),
					meeting, now.startsBeforeApproval(), now.earlyStartApproved(), now.round()));
	}

	@Test
	void a_circular_vote_is_not_dated_at_another_time_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7))))
			.when(closedAt(Instant.parse("2019-05-15T10:00:00Z")))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS, "decidedAt"))
			.expectNoEvents();
	}

	@Test
	void a_resolution_is_not_dated_before_the_vote_was_opened_INVALID_INPUT() {
		this.fixture.givenCurrentTime(Instant.parse("2019-05-15T08:00:00Z"))
			.andGiven(this.meetingVote)
			.when(closedAt(Instant.parse("2019-05-14T10:00:00Z")))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "decidedAt"))
			.expectNoEvents();
	}

	@Test
	void a_resolution_is_not_dated_in_the_future_INVALID_INPUT() {
		this.fixture.given(this.meetingVote)
			.when(closedAt(Instant.now().plus(Duration.ofDays(1))))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "decidedAt"))
			.expectNoEvents();
	}

	private static CloseVoteCommand closedAt(Instant decidedAt) {
		return new CloseVoteCommand(Applications.APPLICATION, null, null, false, null, false, decidedAt);
	}

}
