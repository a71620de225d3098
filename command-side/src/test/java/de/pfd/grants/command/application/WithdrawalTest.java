package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.grant.Grants;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.VoteChoice;

/**
 * The owner gives up an application: at any time before it is decided against, accounted
 * for or paid out; the event names where it stood.
 */
class WithdrawalTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	@Test
	void withdrawing_a_draft_emits_application_withdrawn_from_DRAFT_with_the_stripped_reason() {
		this.fixture.given(Applications.drafted())
			.when(Applications.withdraw(Applications.OWNER, "  project cancelled "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.DRAFT, "project cancelled"));
	}

	@Test
	void withdrawing_a_submitted_application_emits_application_withdrawn_from_SUBMITTED() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.withdrawn(ApplicationStatus.SUBMITTED));
	}

	@Test
	void withdrawing_an_application_ready_for_decision_emits_application_withdrawn_from_READY_FOR_DECISION() {
		this.fixture.given(Applications.readyForDecision())
			.when(Applications.withdraw(Applications.OWNER, " "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.withdrawn(ApplicationStatus.READY_FOR_DECISION));
	}

	@Test
	void withdrawing_an_application_returned_for_revision_emits_application_withdrawn() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(Applications.withdrawn(ApplicationStatus.RETURNED_FOR_REVISION));
	}

	@Test
	void withdrawing_from_the_youth_fund_names_the_youth_fund() {
		this.fixture
			.given(Applications.draftedInYouthFund(Applications.contentBy(LegalForm.INFORMAL_YOUTH_GROUP, null)))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.YOUTH_FUND,
					ApplicationStatus.DRAFT, null));
	}

	@Test
	void withdrawing_during_a_vote_emits_application_withdrawn_from_IN_VOTING() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(Applications.withdrawn(ApplicationStatus.IN_VOTING));
	}

	@Test
	void withdrawing_an_approved_application_emits_application_withdrawn_from_APPROVED() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved()))
			.when(Applications.withdraw(Applications.OWNER, " no longer needed "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.APPROVED, "no longer needed"));
	}

	@Test
	void withdrawing_an_approval_with_reserved_money_emits_application_withdrawn_from_APPROVED() {
		this.fixture.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued()))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(Applications.withdrawn(ApplicationStatus.APPROVED));
	}

	@Test
	void withdrawing_a_waitlisted_approval_emits_application_withdrawn_from_WAITLISTED() {
		this.fixture
			.given(Applications.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 2)))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(Applications.withdrawn(ApplicationStatus.WAITLISTED));
	}

	@Test
	void before_the_first_payout_a_withdrawal_is_still_possible() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(Applications.withdraw(Grants.OWNER, "doch nicht"))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.APPROVED, "doch nicht"));
	}

	@Test
	void after_the_first_payout_the_application_can_no_longer_be_withdrawn() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "100.00")))
			.when(Applications.withdraw(Grants.OWNER, "doch nicht"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Ein Antrag kann nur vor der ersten Auszahlung zurückgezogen werden / an application can be withdrawn only before its first payout")
			.expectNoEvents();
	}

	@Test
	void withdrawing_twice_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1),
					Applications.withdrawn(ApplicationStatus.SUBMITTED))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht zurückgezogen werden / an application in status WITHDRAWN cannot be withdrawn")
			.expectNoEvents();
	}

	@Test
	void withdrawing_an_application_rejected_at_the_formal_check_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.rejected(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void withdrawing_an_application_rejected_by_the_vote_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.voted(1, VoteChoice.NO),
					Votes.voted(2, VoteChoice.NO), Votes.voted(3, VoteChoice.NO), Votes.voted(4, VoteChoice.NO),
					Votes.decided(DecisionOutcome.REJECTED, null, null, null, Votes.tally(0, 4, 0, 7, 4, 4, true))))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void withdrawing_a_settling_grant_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Grants.confirmedGrant(Grants.proofSubmitted()))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht zurückgezogen werden / an application in status PROOF_OF_USE_SUBMITTED cannot be withdrawn")
			.expectNoEvents();
	}

	@Test
	void withdrawing_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.withdraw(Applications.OTHER_APPLICANT, null))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

}
