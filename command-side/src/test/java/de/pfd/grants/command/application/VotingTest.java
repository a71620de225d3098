package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.ApplicationTest.Applications;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Deciding on an application: votes of its body (meeting or circular procedure), the fast
 * track, and what follows an approval (reservation, waiting list, grant notice).
 */
class VotingTest {

	private FixtureConfiguration<Application> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Application.class);
	}

	// open a vote

	@Test
	void opening_a_meeting_vote_snapshots_only_the_voting_members() {
		List<Member> body = new ArrayList<>(Votes.board(7));
		body.add(Votes.advisor());
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.openMeeting(body))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(Votes.board(7)))
			.expectNoScheduledDeadlines();
	}

	@Test
	void opening_a_vote_recuses_a_member_of_the_applicant_organisation_automatically() {
		// the applicant is "Demokratie leben e.V."
		Member conflicted = new Member("member-8", "Mitglied 8", "  DEMOKRATIE   leben  E.V. ", true);
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(conflicted);
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.openMeeting(body))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void opening_a_vote_recuses_every_member_of_the_applicant_organisation() {
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(new Member("member-8", "Mitglied 8", "Demokratie leben e.V.", true));
		body.add(new Member("member-9", "Mitglied 9", "demokratie leben e.v.", true));
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.openMeeting(body))
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true),
					new MemberRecused(Applications.APPLICATION, "member-9", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void an_advisory_member_of_the_applicant_organisation_is_neither_snapshotted_nor_recused() {
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(new Member("advisor-2", "Beraterin", "Demokratie leben e.V.", false));
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.openMeeting(body))
			.expectEvents(Votes.opened(Votes.board(3)));
	}

	@Test
	void opening_a_vote_names_the_submitted_version_and_the_rules_of_the_body() {
		VotingRules rules = new VotingRules(3, 60, Duration.ofDays(10));
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1),
					Applications.submitted(2), Applications.accepted(2))
			.when(new OpenVoteCommand(Applications.APPLICATION, DecisionBodyType.YOUTH_FORUM, VoteProcedure.MEETING,
					null, Votes.board(5), rules))
			.expectEvents(new VoteOpened(Applications.APPLICATION, 2, DecisionBodyType.YOUTH_FORUM,
					VoteProcedure.MEETING, null, Votes.board(5), rules));
	}

	@Test
	void opening_a_vote_on_a_draft_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted())
			.when(Votes.openMeeting(Votes.board(7)))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("an application in status DRAFT cannot be put to a vote")
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_on_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Votes.openMeeting(Votes.board(7)))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_second_vote_while_one_is_open_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.openMeeting(Votes.board(7)))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_on_an_approved_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.fastTrackApproved()))
			.when(Votes.openMeeting(Votes.board(7)))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_of_a_body_without_voting_members_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.openMeeting(List.of(Votes.advisor())))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("the body has no voting members")
			.expectNoEvents();
	}

	@Test
	void opening_a_circular_vote_without_a_closing_time_is_refused_with_INVALID_INPUT_naming_closesAt() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.when(Votes.openCircular(null, Votes.board(7)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectExceptionMessage("a circular vote needs a closing time in the future")
			.expectNoEvents()
			.expectNoScheduledDeadlines();
	}

	@Test
	void opening_a_circular_vote_closing_in_the_past_is_refused_with_INVALID_INPUT_naming_closesAt() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.when(Votes.openCircular(Votes.NOW.minusSeconds(1), Votes.board(7)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectNoEvents()
			.expectNoScheduledDeadlines();
	}

	@Test
	void opening_a_circular_vote_closing_right_now_is_refused_with_INVALID_INPUT() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.when(Votes.openCircular(Votes.NOW, Votes.board(7)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectNoEvents();
	}

	@Test
	void opening_a_circular_vote_schedules_its_closing_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.when(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7)))
			.expectScheduledDeadlineWithName(Votes.CLOSES_AT, Application.CIRCULAR_VOTE_CLOSES)
			// the payload names the round: the first vote on this application
			.expectScheduledDeadline(Votes.CLOSES_AT, 1);
	}

	@Test
	void a_meeting_vote_with_a_closing_time_schedules_no_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.when(new OpenVoteCommand(Applications.APPLICATION, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING,
					Votes.CLOSES_AT, Votes.board(7), Votes.RULES))
			.expectSuccessfulHandlerExecution()
			.expectNoScheduledDeadlines();
	}

	// cast a vote

	@Test
	void a_voting_member_casts_a_vote() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.voted(1, VoteChoice.YES));
	}

	@Test
	void a_second_vote_of_the_same_member_is_cast_again() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES)))
			.when(Votes.cast(1, VoteChoice.NO))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.voted(1, VoteChoice.NO));
	}

	@Test
	void the_same_vote_again_emits_nothing_and_succeeds() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES)))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_vote_without_a_choice_is_refused_and_cannot_jam_the_count() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.cast(1, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "vote"))
			.expectNoEvents();
	}

	@Test
	void a_member_who_declared_a_recusal_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					new MemberRecused(Applications.APPLICATION, "member-1", "board member of the applicant", false)))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("a recused member does not vote on this application")
			.expectNoEvents();
	}

	@Test
	void an_automatically_recused_member_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					new MemberRecused(Applications.APPLICATION, "member-7", Votes.AUTOMATIC_RECUSAL, true)))
			.when(Votes.cast(7, VoteChoice.NO))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void a_member_of_another_body_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new CastVoteCommand(Applications.APPLICATION, "youth-forum-1", VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("only voting members of the deciding body may vote on this application")
			.expectNoEvents();
	}

	@Test
	void a_member_who_joined_the_body_after_the_opening_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.cast(8, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void an_advisory_member_cannot_vote_NOT_ELIGIBLE_TO_VOTE() {
		List<Member> body = new ArrayList<>(Votes.board(7));
		body.add(Votes.advisor());
		this.fixture.given(Votes.readyForDecision())
			.andGivenCommands(Votes.openMeeting(body))
			.when(new CastVoteCommand(Applications.APPLICATION, Votes.advisor().username(), VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void voting_before_a_vote_was_opened_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectExceptionMessage("there is no open vote on this application")
			.expectNoEvents();
	}

	@Test
	void voting_after_the_close_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.NO),
					Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
							Votes.tally(3, 1, 0, 7, 4, 4, true))))
			.when(Votes.cast(5, VoteChoice.NO))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void voting_after_a_close_without_decision_is_refused_with_NOT_ELIGIBLE_TO_VOTE() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(0, 0, 0, 7, 0, 4, false))))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	// declare a recusal

	@Test
	void declaring_a_recusal_emits_member_recused_not_automatic_with_the_stripped_reason() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "member-2", "  treasurer of the applicant "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberRecused(Applications.APPLICATION, "member-2", "treasurer of the applicant", false));
	}

	@Test
	void declaring_a_recusal_without_a_reason_records_no_reason() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "member-2", " "))
			.expectEvents(new MemberRecused(Applications.APPLICATION, "member-2", null, false));
	}

	@Test
	void a_member_outside_the_snapshot_cannot_declare_a_recusal() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new DeclareRecusalCommand(Applications.APPLICATION, "youth-forum-1", "conflict"))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	// close: quorum and majority

	@Test
	void three_votes_of_seven_members_miss_the_quorum_and_close_with_NO_DECISION() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES)))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(3, 0, 0, 7, 3, 4, false)));
	}

	@Test
	void four_votes_of_seven_members_3_yes_1_no_reach_the_quorum_and_approve_the_requested_amount() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.NO)))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void abstentions_count_for_the_quorum_but_not_for_the_majority_2_yes_2_abstain_approve() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
				Votes.voted(2, VoteChoice.ABSTAIN), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.ABSTAIN)))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(2, 0, 2, 7, 4, 4, true)));
	}

	@Test
	void a_tie_of_2_yes_2_no_rejects() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.NO)))
			.when(Votes.close(Votes.euros("800.00"), "report by 2019-12-31", false, null))
			.expectEvents(
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(2, 2, 0, 7, 4, 4, true)));
	}

	@Test
	void only_abstentions_reach_the_quorum_but_reject() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.ABSTAIN),
					Votes.voted(2, VoteChoice.ABSTAIN), Votes.voted(3, VoteChoice.ABSTAIN),
					Votes.voted(4, VoteChoice.ABSTAIN)))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(0, 0, 4, 7, 4, 4, true)));
	}

	@Test
	void a_declared_recusal_reduces_the_eligible_members_7_to_6_which_still_need_4() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES)))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
					Votes.tally(3, 0, 0, 6, 3, 4, false, "member-7")));
	}

	@Test
	void four_votes_of_six_eligible_after_a_recusal_approve() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.NO)))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 6, 4, 4, true, "member-7")));
	}

	@Test
	void an_automatically_recused_member_does_not_count_for_the_quorum() {
		List<Member> body = new ArrayList<>(Votes.board(6));
		body.add(new Member("member-7", "Mitglied 7", "Demokratie leben e.V.", true));
		this.fixture.given(Votes.readyForDecision())
			.andGivenCommands(Votes.openMeeting(body), Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES),
					Votes.cast(3, VoteChoice.NO))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
					Votes.tally(2, 1, 0, 6, 3, 4, false, "member-7")));
	}

	@Test
	void a_vote_cast_before_a_recusal_does_not_count() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.NO),
					Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES), Votes.voted(4, VoteChoice.YES),
					Votes.voted(5, VoteChoice.NO)))
			.andGivenCommands(new DeclareRecusalCommand(Applications.APPLICATION, "member-1", "noticed a conflict"))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 6, 4, 4, true, "member-1")));
	}

	@Test
	void the_tally_counts_only_the_last_vote_of_a_member() {
		// 2 YES, 2 NO would be a tie; member-3 changes to YES
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.andGivenCommands(Votes.cast(1, VoteChoice.YES), Votes.cast(2, VoteChoice.YES),
					Votes.cast(3, VoteChoice.NO), Votes.cast(4, VoteChoice.NO), Votes.cast(3, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void a_changed_vote_does_not_add_a_participant() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES), Votes.voted(3, VoteChoice.NO)))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(2, 1, 0, 7, 3, 4, false)));
	}

	@Test
	void the_quorum_follows_the_rules_of_the_snapshot() {
		VotingRules twoThirds = new VotingRules(4, 66, Duration.ofDays(14));
		this.fixture
			.given(Votes.readyForDecision(
					new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING,
							null, Votes.board(7), twoThirds),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.voted(4, VoteChoice.YES)))
			.when(Votes.close())
			// 7 * 66 % = 4.62: more than that is 5
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.NO_DECISION, DecidedBy.STEERING_BOARD, null, null, null,
					Votes.tally(4, 0, 0, 7, 4, 5, false), 1, 4));
	}

	// close: what the decision says

	@Test
	void closing_with_a_reduced_amount_and_conditions_approves_those() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(Votes.euros("800.00"), "  proof of use by 2019-12-31 ", false, " reduced: no catering "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.euros("800.00"), "proof of use by 2019-12-31",
					"reduced: no catering", Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void blank_conditions_and_note_are_recorded_as_none() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(null, "  ", false, "\t"))
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void approving_exactly_the_requested_amount_is_allowed() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(Votes.euros("1000.00"), null, false, null))
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void approving_more_than_requested_is_refused_with_INVALID_AMOUNT_naming_approvedAmount() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(Votes.euros("1000.01"), null, false, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectExceptionMessage(Matchers.containsString("at most the requested 1000.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void approving_nothing_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(Money.ZERO, null, false, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_rejection_records_neither_amount_nor_conditions() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.NO),
					Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.NO), Votes.voted(4, VoteChoice.YES)))
			.when(Votes.close(Votes.euros("500.00"), "some conditions", false, "not convincing"))
			.expectEvents(Votes.decided(DecisionOutcome.REJECTED, null, null, "not convincing",
					Votes.tally(1, 3, 0, 7, 4, 4, true)));
	}

	@Test
	void returning_for_improvement_closes_with_RETURNED() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes()))
			.when(Votes.close(null, "would be ignored", true, "please describe the target group"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.RETURNED, null, null, "please describe the target group",
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void an_application_returned_by_the_body_may_be_revised_by_its_owner() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes(),
					Votes.decided(DecisionOutcome.RETURNED, null, null, "please describe the target group",
							Votes.tally(3, 1, 0, 7, 4, 4, true))))
			.when(Applications.update(Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDraftUpdated(Applications.APPLICATION, Applications.completeContent()));
	}

	@Test
	void returning_for_improvement_without_quorum_is_no_decision() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES)))
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
					new Tally(2, 1, 1, 5, 4, 3, true, List.of("member-2", "member-6")), 2, 3));
	}

	@Test
	void a_decision_of_the_youth_forum_names_the_youth_forum() {
		this.fixture
			.given(Votes.readyForDecision(
					new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.YOUTH_FORUM, VoteProcedure.MEETING,
							null, Votes.board(3), Votes.RULES),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES)))
			.when(Votes.close())
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.YOUTH_FORUM, Votes.REQUESTED, null, null,
					Votes.tally(2, 0, 0, 3, 2, 2, true), 1, 1));
	}

	@Test
	void closing_without_an_open_vote_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.close())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("an application in status READY_FOR_DECISION cannot be decided by closing a vote")
			.expectNoEvents();
	}

	@Test
	void closing_a_vote_twice_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes(),
					Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
							Votes.tally(3, 1, 0, 7, 4, 4, true))))
			.when(Votes.close())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	// a new vote after no decision

	@Test
	void an_application_without_decision_may_be_put_to_a_vote_again() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.YES),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(1, 0, 0, 7, 1, 4, false))))
			.when(Votes.openMeeting(Votes.board(5)))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(Votes.board(5)));
	}

	@Test
	void a_new_vote_starts_without_the_votes_and_recusals_of_the_last() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					new MemberRecused(Applications.APPLICATION, "member-7", "conflict", false),
					Votes.voted(1, VoteChoice.YES), Votes.voted(2, VoteChoice.YES), Votes.voted(3, VoteChoice.YES),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null,
							Votes.tally(3, 0, 0, 6, 3, 4, false, "member-7")),
					Votes.opened(Votes.board(7))))
			.andGivenCommands(Votes.cast(7, VoteChoice.NO), Votes.cast(4, VoteChoice.YES))
			.when(Votes.close())
			.expectEvents(
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(1, 1, 0, 7, 2, 4, false)));
	}

	@Test
	void an_application_without_decision_may_be_decided_on_the_fast_track() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(0, 0, 0, 7, 0, 4, false))))
			.when(Votes.fastTrack(true, null, null, null, Votes.euros("1000.00")))
			.expectEvents(Votes.fastTrackApproved());
	}

	// circular procedure

	@Test
	void the_deadline_closes_a_circular_vote_at_its_closing_time() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.cast(1, VoteChoice.YES),
					Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES), Votes.cast(4, VoteChoice.NO))
			.whenTimeAdvancesTo(Votes.CLOSES_AT)
			.expectTriggeredDeadlinesWithName(Application.CIRCULAR_VOTE_CLOSES)
			.expectTriggeredDeadlines(1)
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, Votes.CIRCULAR_NOTE,
					Votes.tally(3, 1, 0, 7, 4, 4, true)))
			.expectNoScheduledDeadlines();
	}

	@Test
	void a_circular_vote_without_quorum_closes_with_NO_DECISION_when_time_elapses() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.cast(1, VoteChoice.YES))
			.whenTimeElapses(Duration.ofDays(15))
			.expectTriggeredDeadlinesWithName(Application.CIRCULAR_VOTE_CLOSES)
			.expectEvents(Votes.decided(DecisionOutcome.NO_DECISION, null, null, Votes.CIRCULAR_NOTE,
					Votes.tally(1, 0, 0, 7, 1, 4, false)));
	}

	@Test
	void a_circular_vote_stays_open_before_its_closing_time() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.cast(1, VoteChoice.YES))
			.whenTimeAdvancesTo(Votes.CLOSES_AT.minusSeconds(1))
			.expectNoEvents()
			.expectScheduledDeadlineWithName(Votes.CLOSES_AT, Application.CIRCULAR_VOTE_CLOSES);
	}

	@Test
	void a_circular_vote_closed_early_is_not_decided_again_by_its_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.cast(1, VoteChoice.YES),
					Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES), Votes.cast(4, VoteChoice.YES),
					Votes.close())
			.whenTimeAdvancesTo(Votes.CLOSES_AT.plusSeconds(1))
			.expectNoEvents();
	}

	@Test
	void the_deadline_of_an_earlier_round_does_not_close_the_next_vote() {
		Instant secondClosesAt = Votes.CLOSES_AT.plus(Duration.ofDays(14));
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			// round 1 closed early without quorum, round 2 closes two weeks later
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.close(),
					Votes.openCircular(secondClosesAt, Votes.board(7)), Votes.cast(1, VoteChoice.YES))
			.whenTimeAdvancesTo(Votes.CLOSES_AT.plusSeconds(1))
			.expectNoEvents()
			.expectScheduledDeadline(secondClosesAt, 2);
	}

	@Test
	void a_stale_deadline_of_an_earlier_round_does_not_close_the_current_vote() {
		this.fixture
			.given(Votes.readyForDecision(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7)),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(0, 0, 0, 7, 0, 4, false)),
					Votes.openedCircular(Votes.CLOSES_AT.plus(Duration.ofDays(14)), Votes.board(7)),
					Votes.approvingVotes()))
			// as if the first round's deadline had not been cancelled
			.whenInvoking(Applications.APPLICATION.value(), application -> application.closeAtDeadline(1))
			.expectNoEvents();
	}

	@Test
	void the_deadline_of_the_current_round_closes_the_vote() {
		this.fixture
			.given(Votes.readyForDecision(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7)),
					Votes.decided(DecisionOutcome.NO_DECISION, null, null, null, Votes.tally(0, 0, 0, 7, 0, 4, false)),
					Votes.openedCircular(Votes.CLOSES_AT.plus(Duration.ofDays(14)), Votes.board(7)),
					Votes.approvingVotes()))
			.whenInvoking(Applications.APPLICATION.value(), application -> application.closeAtDeadline(2))
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, Votes.CIRCULAR_NOTE,
					Votes.tally(3, 1, 0, 7, 4, 4, true)));
	}

	@Test
	void closing_a_circular_vote_early_cancels_its_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Votes.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT, Votes.board(7)), Votes.cast(1, VoteChoice.YES),
					Votes.cast(2, VoteChoice.YES), Votes.cast(3, VoteChoice.YES), Votes.cast(4, VoteChoice.YES))
			.when(Votes.close())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.decided(DecisionOutcome.APPROVED, Votes.REQUESTED, null, null,
					Votes.tally(4, 0, 0, 7, 4, 4, true)))
			.expectNoScheduledDeadlines();
	}

	// fast track

	@Test
	void a_request_up_to_the_fast_track_limit_is_approved_by_the_lead_office_without_tally() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null, Votes.euros("1000.00")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.LEAD_OFFICE, Votes.REQUESTED, null, null, null, 1, 0));
	}

	@Test
	void the_fast_track_may_approve_a_reduced_amount_with_conditions() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(true, Votes.euros("750.00"), " no catering ", " small grant ",
					Votes.euros("1500.00")))
			.expectEvents(
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
							DecidedBy.LEAD_OFFICE, Votes.euros("750.00"), "no catering", "small grant", null, 1, 0));
	}

	@Test
	void the_fast_track_approving_more_than_requested_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(true, Votes.euros("1200.00"), null, null, Votes.euros("1500.00")))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_request_above_the_fast_track_limit_is_refused_with_FAST_TRACK_LIMIT_EXCEEDED() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null, Votes.euros("999.99")))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectExceptionMessage(Matchers.containsString("999.99 EUR"))
			.expectNoEvents();
	}

	@Test
	void a_fund_without_fast_track_limit_refuses_the_fast_track_with_FAST_TRACK_LIMIT_EXCEEDED() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null, null))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectNoEvents();
	}

	@Test
	void a_rejection_above_the_fast_track_limit_is_refused_too() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(false, null, null, "out of scope", Votes.euros("500.00")))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_rejection_with_a_reason_emits_a_rejection_by_the_lead_office() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(false, Votes.euros("500.00"), "ignored", "  no local relevance ",
					Votes.euros("1000.00")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.REJECTED, DecidedBy.LEAD_OFFICE, null, null, "no local relevance", null, 1, 0));
	}

	@Test
	void the_fast_track_rejection_without_a_note_is_refused_with_INVALID_INPUT_naming_the_note() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(false, null, null, null, Votes.euros("1000.00")))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectExceptionMessage("a rejection needs a reason")
			.expectNoEvents();
	}

	@Test
	void the_fast_track_rejection_with_a_blank_note_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Votes.readyForDecision())
			.when(Votes.fastTrack(false, null, null, "   ", Votes.euros("1000.00")))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_during_an_open_vote_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.fastTrack(true, null, null, null, Votes.euros("1000.00")))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_on_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Votes.fastTrack(true, null, null, null, Votes.euros("1000.00")))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	// money: waiting list and reservation

	@Test
	void an_approval_the_fund_cannot_cover_is_waitlisted() {
		this.fixture.given(Votes.readyForDecision(Votes.fastTrackApproved()))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 3))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApprovalWaitlisted(Applications.APPLICATION, 3));
	}

	@Test
	void waitlisting_twice_emits_nothing() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 3)))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 2))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void waitlisting_after_the_reservation_emits_nothing() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED)))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 1))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void waitlisting_an_undecided_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision())
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 1))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void reserving_the_money_of_an_approval_emits_approved_funds_reserved() {
		this.fixture.given(Votes.readyForDecision(Votes.fastTrackApproved()))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED));
	}

	@Test
	void reserving_the_money_of_a_waitlisted_approval_emits_approved_funds_reserved() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 1)))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectEvents(new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED));
	}

	@Test
	void reserving_again_emits_nothing() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED)))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void reserving_for_an_undecided_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void reserving_for_a_rejected_application_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Votes.readyForDecision(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.REJECTED, DecidedBy.LEAD_OFFICE, null, null, "no", null, 1, 0)))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	// grant notice

	@Test
	void the_grant_notice_of_a_reserved_approval_names_the_approved_amount_and_conditions() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes(),
					Votes.decided(DecisionOutcome.APPROVED, Votes.euros("800.00"), "proof of use by 2019-12-31", null,
							Votes.tally(3, 1, 0, 7, 4, 4, true)),
					new ApprovedFundsReserved(Applications.APPLICATION, Votes.euros("800.00"))))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "  AZ 2019-017 "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new GrantNoticeIssued(Applications.APPLICATION, "AZ 2019-017", Votes.euros("800.00"),
					"proof of use by 2019-12-31"));
	}

	@Test
	void a_grant_notice_before_the_reservation_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.fastTrackApproved()))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-017"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("a grant notice needs an approval whose money is reserved")
			.expectNoEvents();
	}

	@Test
	void a_grant_notice_for_a_waitlisted_approval_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 1)))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-017"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void a_second_grant_notice_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued()))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-018"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("the grant notice was issued already")
			.expectNoEvents();
	}

	@Test
	void the_owner_confirms_an_issued_grant_notice() {
		this.fixture.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued()))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OWNER))
			.expectSuccessfulHandlerExecution()
			// the proof of use is due 6 weeks (the default) after the project ends on
			// 2019-09-30
			.expectEvents(new GrantNoticeConfirmed(Applications.APPLICATION, LocalDate.of(2019, 11, 11)));
	}

	@Test
	void a_confirmation_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued()))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectExceptionMessage("application not found")
			.expectNoEvents();
	}

	@Test
	void a_confirmation_before_the_grant_notice_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Votes.readyForDecision(Votes.reservedApproval()))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OWNER))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("no grant notice has been issued yet")
			.expectNoEvents();
	}

	@Test
	void a_second_confirmation_emits_nothing_and_succeeds() {
		this.fixture
			.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued(),
					new GrantNoticeConfirmed(Applications.APPLICATION)))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OWNER))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_confirmation_after_the_withdrawal_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued(),
					new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
							ApplicationStatus.APPROVED, null)))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OWNER))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	// withdrawal after the decision

	@Test
	void withdrawing_an_approved_application_emits_application_withdrawn_from_APPROVED() {
		this.fixture.given(Votes.readyForDecision(Votes.fastTrackApproved()))
			.when(Applications.withdraw(Applications.OWNER, " no longer needed "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.APPROVED, "no longer needed"));
	}

	@Test
	void withdrawing_an_approval_with_reserved_money_emits_application_withdrawn_from_APPROVED() {
		this.fixture.given(Votes.readyForDecision(Votes.reservedApproval(), Votes.noticeIssued()))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.APPROVED, null));
	}

	@Test
	void withdrawing_a_waitlisted_approval_emits_application_withdrawn_from_WAITLISTED() {
		this.fixture
			.given(Votes.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 2)))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.WAITLISTED, null));
	}

	@Test
	void withdrawing_during_a_vote_emits_application_withdrawn_from_IN_VOTING() {
		this.fixture.given(Votes.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.IN_VOTING, null));
	}

	@Test
	void withdrawing_a_rejected_application_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Votes.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.NO),
					Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.NO), Votes.voted(4, VoteChoice.NO),
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(0, 4, 0, 7, 4, 4, true))))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	/** Builders for votes on the standard application (requesting 1,000.00). */
	static final class Votes {

		static final Instant NOW = Instant.parse("2019-06-03T10:00:00Z");

		static final Instant CLOSES_AT = NOW.plus(Duration.ofDays(14));

		/** The default rules: version 1, more than 50 % must take part. */
		static final VotingRules RULES = VotingRules.defaults();

		static final Money REQUESTED = Money.euros("1000.00");

		static final String AUTOMATIC_RECUSAL = "Organisation des Mitglieds ist Antragsteller / member's organisation applies";

		static final String CIRCULAR_NOTE = "Umlaufverfahren abgelaufen / circular procedure ended";

		private Votes() {
		}

		static Money euros(String amount) {
			return Money.euros(amount);
		}

		// members

		static String username(int number) {
			return "member-" + number;
		}

		/** A voting member of an organisation other than the applicant. */
		static Member member(int number) {
			return new Member(username(number), "Mitglied " + number, "Verein " + number, true);
		}

		/** Voting members member-1 to member-size. */
		static List<Member> board(int size) {
			return IntStream.rangeClosed(1, size).mapToObj(Votes::member).toList();
		}

		static Member advisor() {
			return new Member("advisor-1", "Jugendamt", "Kreis Mettmann", false);
		}

		// commands

		static OpenVoteCommand openMeeting(List<Member> members) {
			return new OpenVoteCommand(Applications.APPLICATION, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING,
					null, members, RULES);
		}

		static OpenVoteCommand openCircular(Instant closesAt, List<Member> members) {
			return new OpenVoteCommand(Applications.APPLICATION, DecisionBodyType.STEERING_BOARD,
					VoteProcedure.CIRCULAR, closesAt, members, RULES);
		}

		static CastVoteCommand cast(int member, VoteChoice choice) {
			return new CastVoteCommand(Applications.APPLICATION, username(member), choice);
		}

		static CloseVoteCommand close() {
			return close(null, null, false, null);
		}

		static CloseVoteCommand close(Money approvedAmount, String conditions, boolean returnForImprovement,
				String note) {
			return new CloseVoteCommand(Applications.APPLICATION, approvedAmount, conditions, returnForImprovement,
					note);
		}

		static DecideOnFastTrackCommand fastTrack(boolean approve, Money approvedAmount, String conditions, String note,
				Money fastTrackLimit) {
			return new DecideOnFastTrackCommand(Applications.APPLICATION, approve, approvedAmount, conditions, note,
					fastTrackLimit);
		}

		// events

		/** Drafted, submitted as version 1 and accepted, followed by the given events. */
		static List<Object> readyForDecision(Object... then) {
			List<Object> events = new ArrayList<>(
					List.of(Applications.drafted(), Applications.submitted(1), Applications.accepted(1)));
			for (Object event : then) {
				if (event instanceof Object[] several) {
					events.addAll(Arrays.asList(several));
				}
				else {
					events.add(event);
				}
			}
			return events;
		}

		static VoteOpened opened(List<Member> eligible) {
			return new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING,
					null, eligible, RULES);
		}

		static VoteOpened openedCircular(Instant closesAt, List<Member> eligible) {
			return new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.CIRCULAR,
					closesAt, eligible, RULES);
		}

		static VoteCast voted(int member, VoteChoice choice) {
			return new VoteCast(Applications.APPLICATION, username(member), choice);
		}

		/** 3 YES, 1 NO of members 1 to 4: enough of 7 to approve. */
		static Object[] approvingVotes() {
			return new Object[] { voted(1, VoteChoice.YES), voted(2, VoteChoice.YES), voted(3, VoteChoice.YES),
					voted(4, VoteChoice.NO) };
		}

		static Tally tally(int yes, int no, int abstain, int eligible, int participating, int quorumRequired,
				boolean quorumReached, String... recused) {
			return new Tally(yes, no, abstain, eligible, participating, quorumRequired, quorumReached,
					List.of(recused));
		}

		/** Decided by the steering board on version 1 under rules version 1. */
		static ApplicationDecided decided(DecisionOutcome outcome, Money approvedAmount, String conditions, String note,
				Tally tally) {
			return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, outcome,
					DecidedBy.STEERING_BOARD, approvedAmount, conditions, note, tally, 1, RULES.version());
		}

		static ApplicationDecided fastTrackApproved() {
			return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
					DecidedBy.LEAD_OFFICE, REQUESTED, null, null, null, 1, 0);
		}

		/** Approved on the fast track with the money reserved. */
		static Object[] reservedApproval() {
			return new Object[] { fastTrackApproved(), new ApprovedFundsReserved(Applications.APPLICATION, REQUESTED) };
		}

		static GrantNoticeIssued noticeIssued() {
			return new GrantNoticeIssued(Applications.APPLICATION, "AZ 2019-017", REQUESTED, null);
		}

	}

}
