package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.PayoutReversed;
import de.pfd.grants.shared.grant.RefundReversed;
import de.pfd.grants.shared.grant.ReversePaymentCommand;

/**
 * Corrections of bookings: a wrongly recorded payout or refund is reversed by a
 * compensating booking that the fund books first, with a reason and the reference to the
 * original; nothing is edited or deleted, and a booking is reversed once.
 */
class ReversalTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static ReversePaymentCommand reversePayout(String id, String reason) {
		return new ReversePaymentCommand(Applications.APPLICATION, false, id, reason);
	}

	private static ReversePaymentCommand reverseRefund(String id, String reason) {
		return new ReversePaymentCommand(Applications.APPLICATION, true, id, reason);
	}

	@Test
	void a_wrong_payout_is_reversed_by_the_fund_first_and_recorded_with_its_reason() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00")))
			.when(reversePayout("p1", "doppelt überwiesen"))
			.expectEvents(new PayoutReversed(Applications.APPLICATION, Applications.ACTION_FUND,
					"reversal-of-payout:p1", "p1", Grants.euros("600.00"), "doppelt überwiesen"));
		assertThat(this.funds.bookings()).extracting(Booking::kind, Booking::id, Booking::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PAYOUT_REVERSAL, "reversal-of-payout:p1", "p1"));
	}

	@Test
	void a_reversed_payout_cannot_be_reversed_twice_and_its_money_can_be_paid_again() {
		PayoutReversed reversed = new PayoutReversed(Applications.APPLICATION, Applications.ACTION_FUND,
				"reversal-of-payout:p1", "p1", Grants.euros("600.00"), "falsch");
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00"), reversed))
			.when(reversePayout("p1", "nochmal"))
			.expectException(refusedWith(ErrorCode.ALREADY_REVERSED))
			.expectNoEvents();
		this.fixture.givenCurrentTime(Grants.PAYOUT_DAY)
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00"), reversed))
			.when(Grants.payOut("p2", "600.00", "UEB richtig"))
			.expectEvents(Grants.paid("p2", "600.00", "UEB richtig"));
	}

	@Test
	void a_reversal_needs_a_reason_and_a_known_booking() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00")))
			.when(reversePayout("p1", " "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "reason"))
			.expectNoEvents();
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00")))
			.when(reversePayout("p9", "falsch"))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_wrong_refund_is_reversed_and_is_due_again() {
		this.fixture.given(Grants.refundDue(Grants.refundRecorded("f1", "150.00", "50.00")))
			.when(reverseRefund("f1", "Zahlung eines anderen Trägers"))
			.expectEvents(
					new RefundReversed(Applications.APPLICATION, Applications.ACTION_FUND, "reversal-of-refund:f1",
							"f1", Grants.euros("150.00"), "Zahlung eines anderen Trägers", Grants.euros("200.00")));
		assertThat(this.funds.bookings(Kind.REFUND_REVERSAL)).extracting(Booking::amount)
			.containsExactly(Grants.euros("150.00"));
	}

	@Test
	void a_payout_is_reversed_only_while_the_grant_runs() {
		this.fixture.given(Grants.refundDue())
			.when(reversePayout("p1", "zu spät"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
