package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The grant notice: issued once the money is reserved, confirmed by the applicant, which
 * sets the due date of the proof of use from the fund's terms and flags it when late.
 */
class GrantNoticeTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private final ConfirmGrantNoticeCommand confirm = new ConfirmGrantNoticeCommand(Applications.APPLICATION,
			Applications.OWNER);

	// issue

	@Test
	void the_grant_notice_of_a_reserved_approval_names_the_approved_amount_and_conditions() {
		this.fixture
			.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.approvingVotes(),
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
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved()))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-017"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("a grant notice needs an approval whose money is reserved")
			.expectNoEvents();
	}

	@Test
	void a_grant_notice_for_a_waitlisted_approval_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 1)))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-017"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void a_second_grant_notice_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued()))
			.when(new IssueGrantNoticeCommand(Applications.APPLICATION, "AZ 2019-018"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("the grant notice was issued already")
			.expectNoEvents();
	}

	// confirm

	@Test
	void the_owner_confirms_an_issued_grant_notice() {
		this.fixture.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued()))
			.when(this.confirm)
			.expectSuccessfulHandlerExecution()
			// the proof of use is due 6 weeks (the fund's terms) after
			// the project ends on 2019-09-30
			.expectEvents(new GrantNoticeConfirmed(Applications.APPLICATION, Grants.PROOF_OF_USE_DUE_ON));
	}

	@Test
	void confirming_takes_the_proof_of_use_weeks_from_the_fund_s_terms_and_schedules_the_due_date() {
		this.funds.with(Funds.withWeeks(Funds.actionFundTerms(), 6, 8));
		LocalDate dueOn = Applications.completeContent().endDate().plusWeeks(8);
		this.fixture.given(Grants.noticeToConfirm())
			.when(this.confirm)
			.expectEvents(new GrantNoticeConfirmed(Applications.APPLICATION, dueOn))
			.expectScheduledDeadlineWithName(dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
					Grant.PROOF_OF_USE_DUE);
	}

	@Test
	void a_proof_of_use_not_in_by_its_due_date_is_flagged() {
		this.fixture.given(Grants.noticeToConfirm())
			.andGivenCommands(this.confirm)
			.whenTimeElapses(Duration.ofDays(365 * 20))
			.expectTriggeredDeadlinesWithName(Grant.PROOF_OF_USE_DUE)
			.expectEvents(new ProofOfUseOverdue(Applications.APPLICATION, Grants.PROOF_OF_USE_DUE_ON));
	}

	@Test
	void a_proof_of_use_handed_in_on_time_is_not_flagged() {
		this.fixture.given(Grants.noticeToConfirm())
			.andGivenCommands(this.confirm,
					new SubmitProofOfUseCommand(Applications.APPLICATION, Applications.OWNER, "Bericht",
							Grants.receipts()))
			.whenTimeElapses(Duration.ofDays(365 * 20))
			.expectTriggeredDeadlinesWithName(Grant.PROOF_OF_USE_DUE)
			.expectNoEvents();
	}

	@Test
	void a_confirmation_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued()))
			.when(new ConfirmGrantNoticeCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectExceptionMessage("application not found")
			.expectNoEvents();
	}

	@Test
	void a_confirmation_before_the_grant_notice_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Grants.reservedApproval()))
			.when(this.confirm)
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("no grant notice has been issued yet")
			.expectNoEvents();
	}

	@Test
	void a_second_confirmation_emits_nothing_and_succeeds() {
		this.fixture
			.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued(),
					new GrantNoticeConfirmed(Applications.APPLICATION)))
			.when(this.confirm)
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_confirmation_after_the_withdrawal_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.readyForDecision(Grants.reservedApproval(), Grants.noticeIssued(),
					Applications.withdrawn(ApplicationStatus.APPROVED)))
			.when(this.confirm)
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
