package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.money.Money;

/**
 * The fund books payouts within an application's reservation and refunds of money it paid
 * out, each once.
 */
class PayoutAndRefundBookingTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	private final PayoutBooked pay1 = Funds.paid(Funds.APPLICATION, "pay-1", "4000");

	/** 10,000.00 reserved, 4,000.00 of it paid out (pay-1). */
	private final List<Object> partlyPaid = Funds.withReservation(this.pay1);

	@Test
	void a_payout_within_the_reservation_emits_payout_booked() {
		this.fixture.given(Funds.withReservation())
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-1", "4000"));
	}

	@Test
	void payouts_may_add_up_to_exactly_the_reservation() {
		this.fixture.given(this.partlyPaid)
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-2", "6000"));
	}

	@Test
	void a_payout_beyond_the_unpaid_reservation_is_refused_with_PAYOUT_EXCEEDS_RESERVATION() {
		this.fixture.given(this.partlyPaid)
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000.01")))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_RESERVATION))
			.expectExceptionMessage("only 6000.00 EUR of the reservation is not paid out yet")
			.expectNoEvents();
	}

	@Test
	void a_payout_beyond_a_partly_released_reservation_is_refused_with_PAYOUT_EXCEEDS_RESERVATION() {
		this.fixture.given(Funds.withReservation(Funds.released(Funds.APPLICATION, "3000")))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("7000.01")))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_RESERVATION))
			.expectNoEvents();
	}

	@Test
	void refunded_money_may_be_paid_out_again() {
		this.fixture
			.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "10000"),
					Funds.refunded(Funds.APPLICATION, "ref-1", "2000")))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("2000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-2", "2000"));
	}

	@Test
	void a_payout_without_a_reservation_is_refused_with_NOT_RESERVED() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "10000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("1")))
			.expectException(refusedWith(ErrorCode.NOT_RESERVED))
			.expectNoEvents();
	}

	@Test
	void a_payout_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.withReservation())
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void the_same_payout_sent_twice_emits_no_second_event() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "10000")))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("10000")))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_payout_of_a_closed_fund_against_its_reservation_is_still_booked() {
		this.fixture.given(Funds.withReservation(Funds.closed("25000")))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("10000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-1", "10000"));
	}

	@Test
	void a_refund_of_paid_money_emits_refund_booked() {
		this.fixture.given(this.partlyPaid)
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Funds.refunded(Funds.APPLICATION, "ref-1", "4000"));
	}

	@Test
	void a_refund_above_the_paid_money_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture.given(this.partlyPaid)
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_above_what_is_left_after_an_earlier_refund_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture.given(Funds.withReservation(this.pay1, Funds.refunded(Funds.APPLICATION, "ref-1", "3000")))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-2", Funds.euros("1000.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_for_an_application_that_was_never_paid_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture.given(Funds.withReservation())
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("0.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(this.partlyPaid)
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void the_same_refund_sent_twice_emits_no_second_event() {
		this.fixture.given(Funds.withReservation(this.pay1, Funds.refunded(Funds.APPLICATION, "ref-1", "4000")))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_payout_id_does_not_shadow_a_refund_with_the_same_id() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "same-id", "6000")))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "same-id", Funds.euros("100")))
			.expectEvents(new RefundBooked(Funds.FUND, Funds.APPLICATION, "same-id", Funds.euros("100")));
	}

}
