package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.money.Money;

/**
 * What the read side's value dates and refund claims are made of: a payout records the
 * day it was paid (and so its spending deadline), a refund the day it came in, and a
 * settlement below what was paid records the refund claim. Without the day, nothing is
 * recorded.
 */
class ValueDatesAndRefundClaimsTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	@Test
	void a_payout_records_the_day_it_was_paid_as_its_value_date_and_its_spending_deadline() {
		// on the day of the payout, when the grant notice was confirmed
		this.fixture.givenCurrentTime(Grants.PAYOUT_DAY)
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "900.00")))
			.when(Grants.payOut("p1", "600.00", "UEB"))
			.expectEvents(Grants.paid("p1", "600.00"));
	}

	@Test
	void a_payout_without_the_day_it_was_paid_is_refused() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "900.00")))
			.when(new RecordPayoutCommand(Applications.APPLICATION, "p1", Money.euros("600.00"), null, "UEB"))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "paidOn"))
			.expectNoEvents();
	}

	@Test
	void accepting_less_than_was_paid_out_records_the_refund_claim() {
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00"),
					Grants.proofSubmitted()))
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, true, Money.euros("700.00"), null))
			.expectEvents(Grants.accepted("700.00", "700.00", "900.00", "0.00", "200.00"));
	}

	@Test
	void a_refund_records_the_day_it_came_in_as_its_value_date_and_one_without_it_is_refused() {
		this.fixture.given(Grants.refundDue())
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Money.euros("150.00"), Grants.RECEIVED_ON))
			.expectEvents(Grants.refundRecorded("f1", "150.00", "50.00"));
		this.fixture.given(Grants.refundDue())
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Money.euros("150.00"), null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receivedOn"))
			.expectNoEvents();
	}

}
