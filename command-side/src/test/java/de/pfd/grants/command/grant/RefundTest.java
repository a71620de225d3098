package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.money.Money;

/**
 * Money paid back after the settlement of the grant of 900.00, of which 700.00 were
 * eligible: the fund books each refund first; the grant is settled when the claim of
 * 200.00 is paid.
 */
class RefundTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static RecordRefundCommand refund(String id, String amount) {
		return new RecordRefundCommand(Applications.APPLICATION, id, Money.euros(amount), Grants.RECEIVED_ON);
	}

	@Test
	void refunds_are_booked_until_the_claim_is_paid_and_then_the_grant_is_settled() {
		this.fixture.given(Grants.refundDue())
			.when(refund("f1", "150.00"))
			.expectEvents(Grants.refundRecorded("f1", "150.00", "50.00"));
		this.fixture.given(Grants.refundDue(Grants.refundRecorded("f1", "150.00", "50.00")))
			.when(refund("f2", "50.00"))
			.expectEvents(Grants.refundRecorded("f2", "50.00", "0.00"),
					new GrantSettled(Applications.APPLICATION, Grants.euros("700.00")));
	}

	@Test
	void the_fund_books_a_refund_before_it_is_recorded() {
		List<Object> given = Grants.refundDue();
		this.fixture.given(given).when(refund("f1", "150.00")).expectSuccessfulHandlerExecution();
		assertThat(this.funds.bookings()).containsExactly(new Booking(Kind.REFUND, Applications.ACTION_FUND,
				Applications.APPLICATION, "f1", Grants.euros("150.00"), null, (long) given.size() - 1));
	}

	@Test
	void a_refund_the_fund_refuses_is_not_recorded() {
		this.funds.refuseNextBooking(ErrorCode.REFUND_EXCEEDS_PAID, "only 100.00 EUR was paid out to this application");
		this.fixture.given(Grants.refundDue())
			.when(refund("f1", "150.00"))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID, "amount"))
			.expectNoEvents();
	}

	@Test
	void a_refund_recorded_again_with_the_same_id_is_neither_booked_nor_recorded_again() {
		this.fixture.given(Grants.refundDue(Grants.refundRecorded("f1", "150.00", "50.00")))
			.when(refund("f1", "150.00"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_refund_above_the_claim_is_refused_and_not_put_to_the_fund() {
		this.fixture.given(Grants.refundDue())
			.when(refund("f1", "200.01"))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CLAIM, "amount"))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_refund_of_nothing_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Grants.refundDue())
			.when(refund("f1", "0.00"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "amount"))
			.expectNoEvents();
	}

	@Test
	void a_refund_without_the_date_of_receipt_is_refused_with_INVALID_INPUT_naming_receivedOn() {
		this.fixture.given(Grants.refundDue())
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Grants.euros("150.00"), null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receivedOn"))
			.expectNoEvents();
	}

	@Test
	void without_a_claim_there_is_nothing_to_refund() {
		this.fixture.given(Grants.confirmedGrant())
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Grants.euros("1.00"), Grants.PAID_ON))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void a_refund_keeps_the_bank_reference_it_was_booked_with() {
		this.fixture.given(Grants.refundDue())
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Money.euros("150.00"), Grants.RECEIVED_ON,
					" UEB-4711 "))
			.expectEvents(new RefundRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "f1",
					Money.euros("150.00"), Grants.RECEIVED_ON, Money.euros("50.00"), "UEB-4711"));
	}

}
