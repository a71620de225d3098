package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The fund's answer to an approval, passed back to the grant: the money is reserved, or
 * the approval waits on the fund's waiting list.
 */
class ReservationMarksTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	private final ApprovedFundsReserved reserved = new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED);

	@Test
	void an_approval_the_fund_cannot_cover_is_waitlisted() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved()))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 3))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApprovalWaitlisted(Applications.APPLICATION, 3));
	}

	@Test
	void waitlisting_twice_emits_nothing() {
		this.fixture
			.given(Applications.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 3)))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 2))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void waitlisting_after_the_reservation_emits_nothing() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved(), this.reserved))
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 1))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void waitlisting_an_undecided_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision())
			.when(new MarkWaitlistedCommand(Applications.APPLICATION, 1))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void reserving_the_money_of_an_approval_emits_approved_funds_reserved() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved()))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectSuccessfulHandlerExecution()
			.expectEvents(this.reserved);
	}

	@Test
	void reserving_the_money_of_a_waitlisted_approval_emits_approved_funds_reserved() {
		this.fixture
			.given(Applications.readyForDecision(Votes.fastTrackApproved(),
					new ApprovalWaitlisted(Applications.APPLICATION, 1)))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectEvents(this.reserved);
	}

	@Test
	void reserving_again_emits_nothing() {
		this.fixture.given(Applications.readyForDecision(Votes.fastTrackApproved(), this.reserved))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void reserving_for_an_undecided_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7))))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void reserving_for_a_rejected_application_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.readyForDecision(
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.REJECTED,
							ApplicationDecided.DecidedBy.LEAD_OFFICE, null, null, "no", null, 1, 0)))
			.when(new MarkFundsReservedCommand(Applications.APPLICATION, Votes.REQUESTED))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
