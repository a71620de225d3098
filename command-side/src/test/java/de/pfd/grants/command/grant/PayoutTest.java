package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Payout requests of the applicant and payouts recorded by staff, of the grant of 900.00:
 * the fund books every payout first, and what it refuses is not recorded.
 */
class PayoutTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	/** On the day of the payouts, the grant notice confirmed that morning. */
	private TestExecutor<Application> given(List<Object> events) {
		return this.fixture.givenCurrentTime(Grants.PAYOUT_DAY).andGiven(events);
	}

	private static RequestPayoutCommand request(String requestedBy, String id, String amount, String purpose) {
		return new RequestPayoutCommand(Applications.APPLICATION, requestedBy, id, Money.euros(amount), purpose);
	}

	// requests

	@Test
	void the_applicant_requests_part_of_the_approved_money() {
		given(Grants.confirmedGrant()).when(request(Grants.OWNER, "r1", "600.00", "Honorare"))
			.expectEvents(Grants.requested("r1", "600.00"));
	}

	@Test
	void requests_never_exceed_approved_minus_already_requested() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(request(Grants.OWNER, "r2", "300.01", null))
			.expectException(refusedWith(ErrorCode.PAYOUT_REQUEST_EXCEEDS_APPROVAL, "amount"))
			.expectNoEvents();
	}

	@Test
	void a_request_of_nothing_is_refused_with_INVALID_AMOUNT() {
		given(Grants.confirmedGrant()).when(request(Grants.OWNER, "r1", "0.00", null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "amount"))
			.expectExceptionMessage("a payout request must be positive")
			.expectNoEvents();
	}

	@Test
	void a_request_with_the_same_id_is_booked_once() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(request(Grants.OWNER, "r1", "600.00", "Honorare"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void only_the_owner_requests_money_and_only_after_confirming_the_notice() {
		given(Grants.confirmedGrant()).when(request("someone", "r1", "1.00", null))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
		given(Applications.readyForDecision(Votes.fastTrackApproved(Grants.euros("900.00"), null),
				new ApprovedFundsReserved(Applications.APPLICATION, Grants.euros("900.00"))))
			.when(request(Grants.OWNER, "r1", "1.00", null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	// payouts

	@Test
	void the_fund_books_a_payout_before_it_is_recorded_to_be_spent_within_the_fund_s_weeks() {
		List<Object> given = Grants.confirmedGrant(Grants.requested("r1", "600.00"));
		given(given).when(Grants.payOut("p1", "600.00", "UEB")).expectEvents(Grants.paid("p1", "600.00"));
		assertThat(this.funds.bookings()).containsExactly(new Booking(Kind.PAYOUT, Applications.ACTION_FUND,
				Applications.APPLICATION, "p1", Grants.euros("600.00"), null, (long) given.size() - 1));
	}

	@Test
	void the_spend_by_date_follows_the_weeks_in_the_fund_s_terms() {
		this.funds.with(Funds.withWeeks(Funds.actionFundTerms(), 10, 6));
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(Grants.payOut("p1", "600.00", " UEB "))
			.expectEvents(new PayoutRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "p1",
					Grants.euros("600.00"), Grants.PAID_ON, "UEB", Grants.PAID_ON.plusWeeks(10)));
	}

	@Test
	void a_payout_the_fund_refuses_is_not_recorded() {
		this.funds.refuseNextBooking(ErrorCode.PAYOUT_EXCEEDS_RESERVATION,
				"only 500.00 EUR of the reservation is not paid out yet");
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(Grants.payOut("p1", "600.00", "UEB"))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_RESERVATION, "amount"))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_payout_above_the_open_requests_is_refused_and_not_put_to_the_fund() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "500.00")))
			.when(Grants.payOut("p2", "100.01", null))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_REQUEST, "amount"))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_payout_without_a_payment_date_is_refused_with_INVALID_INPUT_naming_paidOn() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(new RecordPayoutCommand(Applications.APPLICATION, "p1", Grants.euros("600.00"), null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "paidOn"))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_payout_of_nothing_is_refused_with_INVALID_AMOUNT() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(Grants.payOut("p1", "0.00", null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "amount"))
			.expectNoEvents();
	}

	@Test
	void a_payout_recorded_again_with_the_same_id_is_neither_booked_nor_recorded_again() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.paid("p1", "600.00")))
			.when(Grants.payOut("p1", "600.00", "UEB"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void the_balance_of_the_final_grant_is_paid_without_a_request_and_then_the_grant_is_settled() {
		given(Grants.confirmedGrant(Grants.requested("r1", "500.00"), Grants.paid("p1", "500.00"),
				Grants.proofSubmitted(), Grants.accepted("800.00", "800.00", "500.00", "100.00", "0.00")))
			.when(Grants.payOut("p2", "300.00", "Rest"))
			.expectEvents(Grants.paid("p2", "300.00", "Rest"),
					new GrantSettled(Applications.APPLICATION, Grants.euros("800.00")));
		assertThat(this.funds.bookings(Kind.PAYOUT)).extracting(Booking::amount)
			.containsExactly(Grants.euros("300.00"));
	}

}
