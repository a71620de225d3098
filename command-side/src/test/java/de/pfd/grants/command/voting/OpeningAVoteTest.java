package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.Bodies;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Opening a vote: the ballot snapshots the roster of the body that decides the fund
 * (voting members and rules), recuses members of the applicant organisation, and gives a
 * circular vote its deadline.
 */
class OpeningAVoteTest {

	private final FixedRosters rosters = Votes.rosters();

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), this.rosters);

	private void theBoardIs(List<Member> members) {
		this.rosters.with(DecisionBodyType.STEERING_BOARD, Votes.steeringBoard(members));
	}

	@Test
	void the_vote_snapshots_the_voting_members_and_the_rules_of_the_roster() {
		VotingRules rules = new VotingRules(2, 66, Duration.ofDays(21));
		this.rosters.with(DecisionBodyType.STEERING_BOARD,
				Bodies.roster(DecisionBodyType.STEERING_BOARD, Votes.board(4), rules));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD,
					VoteProcedure.MEETING, null, Votes.board(4), rules));
		assertThat(this.rosters.asked())
			.containsExactly(DecisionBodyId.of(Applications.PARTNERSHIP, DecisionBodyType.STEERING_BOARD));
	}

	@Test
	void opening_a_meeting_vote_snapshots_only_the_voting_members() {
		List<Member> body = new ArrayList<>(Votes.board(7));
		body.add(Votes.advisor());
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
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
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void opening_a_vote_recuses_every_member_of_the_applicant_organisation() {
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(new Member("member-8", "Mitglied 8", "Demokratie leben e.V.", true));
		body.add(new Member("member-9", "Mitglied 9", "demokratie leben e.v.", true));
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true),
					new MemberRecused(Applications.APPLICATION, "member-9", Votes.AUTOMATIC_RECUSAL, true));
	}

	// by id: how a name is spelt does not matter

	@Test
	void a_member_representing_the_applying_organisation_by_id_is_recused_whatever_the_names_say() {
		OrganisationId verein = KnownOrganisations.APPLICANT;
		// the member's organisation is spelt "eV", the applicant wrote "Demokratie leben
		// e.V."
		Member conflicted = new Member("member-8", "Mitglied 8", "Demokratie leben eV", true, List.of(verein));
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(conflicted);
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecisionOf(verein))
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void for_an_application_filed_by_id_a_member_of_another_organisation_with_the_same_name_is_not_recused() {
		Member namesake = new Member("member-8", "Mitglied 8", "Demokratie leben e.V.", true,
				List.of(new OrganisationId("org-other")));
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(namesake);
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecisionOf(KnownOrganisations.APPLICANT))
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body));
	}

	@Test
	void a_member_linked_to_a_duplicate_merged_into_the_applicant_is_recused() {
		OrganisationId duplicate = new OrganisationId("org-demokratie-leben-ev");
		FixtureConfiguration<Application> fixture = Applications.fixture(RecordingFundLedger.ofTheStandardFunds(),
				this.rosters, KnownOrganisations.standard().merged(duplicate, KnownOrganisations.APPLICANT));
		Member conflicted = new Member("member-8", "Mitglied 8", "Demokratie leben eV", true, List.of(duplicate));
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(conflicted);
		theBoardIs(body);
		fixture.given(Applications.readyForDecisionOf(KnownOrganisations.APPLICANT))
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void an_application_filed_for_a_duplicate_that_was_merged_later_recuses_the_survivors_member() {
		OrganisationId duplicate = new OrganisationId("org-demokratie-leben-ev");
		FixtureConfiguration<Application> fixture = Applications.fixture(RecordingFundLedger.ofTheStandardFunds(),
				this.rosters, KnownOrganisations.standard().merged(duplicate, KnownOrganisations.APPLICANT));
		Member conflicted = new Member("member-8", "Mitglied 8", "Demokratie leben e.V.", true,
				List.of(KnownOrganisations.APPLICANT));
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(conflicted);
		theBoardIs(body);
		fixture.given(Applications.readyForDecisionOf(duplicate))
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(body),
					new MemberRecused(Applications.APPLICATION, "member-8", Votes.AUTOMATIC_RECUSAL, true));
	}

	@Test
	void an_advisory_member_of_the_applicant_organisation_is_neither_snapshotted_nor_recused() {
		List<Member> body = new ArrayList<>(Votes.board(3));
		body.add(new Member("advisor-2", "Beraterin", "Demokratie leben e.V.", false));
		theBoardIs(body);
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
			.expectEvents(Votes.opened(Votes.board(3)));
	}

	@Test
	void a_youth_fund_application_goes_to_the_youth_forum_with_its_submitted_version_and_rules() {
		VotingRules rules = new VotingRules(3, 60, Duration.ofDays(10));
		this.rosters.with(DecisionBodyType.YOUTH_FORUM,
				Bodies.roster(DecisionBodyType.YOUTH_FORUM, Votes.board(5), rules));
		this.fixture
			.given(Applications.draftedInYouthFund(Applications.completeContent()), Applications.submitted(1),
					Applications.returned(1), Applications.submitted(2), Applications.accepted(2))
			.when(Votes.openMeeting())
			.expectEvents(new VoteOpened(Applications.APPLICATION, 2, DecisionBodyType.YOUTH_FORUM,
					VoteProcedure.MEETING, null, Votes.board(5), rules));
	}

	@Test
	void opening_a_vote_on_a_draft_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted())
			.when(Votes.openMeeting())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht zur Abstimmung gestellt werden / an application in status DRAFT cannot be put to a vote")
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_on_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Votes.openMeeting())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_second_vote_while_one_is_open_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.openMeeting())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_on_an_approved_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved()))
			.when(Votes.openMeeting())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void opening_a_vote_of_a_body_without_voting_members_is_refused_with_INVALID_INPUT() {
		theBoardIs(List.of(Votes.advisor()));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.openMeeting())
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("the body has no voting members")
			.expectNoEvents();
	}

	@Test
	void an_application_without_decision_may_be_put_to_a_vote_again() {
		theBoardIs(Votes.board(5));
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.noDecision()))
			.when(Votes.openMeeting())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.opened(Votes.board(5)));
	}

	// the circular procedure's deadline

	@Test
	void opening_a_circular_vote_schedules_its_closing_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(Votes.CLOSES_AT))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.openedCircular(Votes.CLOSES_AT, Votes.board(7)))
			.expectScheduledDeadlineWithName(Votes.CLOSES_AT, Ballot.CIRCULAR_VOTE_CLOSES)
			// the payload names the round: the first vote on this application
			.expectScheduledDeadline(Votes.CLOSES_AT, 1);
	}

	@Test
	void a_circular_vote_without_a_closing_time_runs_for_the_circular_duration_of_the_body() {
		VotingRules tenDays = new VotingRules(2, 50, Duration.ofDays(10));
		this.rosters.with(DecisionBodyType.STEERING_BOARD,
				Bodies.roster(DecisionBodyType.STEERING_BOARD, Votes.board(7), tenDays));
		Instant inTenDays = Votes.NOW.plus(Duration.ofDays(10));
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD,
					VoteProcedure.CIRCULAR, inTenDays, Votes.board(7), tenDays))
			.expectScheduledDeadlineWithName(inTenDays, Ballot.CIRCULAR_VOTE_CLOSES);
	}

	@Test
	void a_circular_vote_may_close_at_the_latest_90_days_ahead() {
		Instant latest = Votes.NOW.plus(Duration.ofDays(OpenVoteCommand.LONGEST_CIRCULAR_DAYS));
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(latest))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Votes.openedCircular(latest, Votes.board(7)));
	}

	@Test
	void a_circular_vote_closing_more_than_90_days_ahead_is_refused_with_INVALID_INPUT_naming_closesAt() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(Votes.NOW.plus(Duration.ofDays(90)).plusSeconds(1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectNoEvents()
			.expectNoScheduledDeadlines();
	}

	@Test
	void opening_a_circular_vote_closing_in_the_past_is_refused_with_INVALID_INPUT_naming_closesAt() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(Votes.NOW.minusSeconds(1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectNoEvents()
			.expectNoScheduledDeadlines();
	}

	@Test
	void opening_a_circular_vote_closing_right_now_is_refused_with_INVALID_INPUT() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(Votes.openCircular(Votes.NOW))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "closesAt"))
			.expectNoEvents();
	}

	@Test
	void a_meeting_vote_with_a_closing_time_schedules_no_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.when(new OpenVoteCommand(Applications.APPLICATION, VoteProcedure.MEETING, Votes.CLOSES_AT))
			.expectSuccessfulHandlerExecution()
			.expectNoScheduledDeadlines();
	}

}
