package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;

/**
 * The proof of use of the grant of 900.00 and its review: accepting it settles the grant,
 * and the money neither granted nor paid out is released by the fund first.
 */
class ProofOfUseTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static SubmitProofOfUseCommand submit(String report, List<Receipt> receipts) {
		return new SubmitProofOfUseCommand(Applications.APPLICATION, Grants.OWNER, report, receipts);
	}

	private static ReviewProofOfUseCommand accept(String eligible, String note) {
		return new ReviewProofOfUseCommand(Applications.APPLICATION, true, Money.euros(eligible), note);
	}

	/** 500.00 of the 900.00 requested and paid, the proof of use of 850.00 in. */
	private static List<Object> halfPaidAndAccounted() {
		return Grants.confirmedGrant(Grants.requested("r1", "500.00"), Grants.paid("p1", "500.00"),
				Grants.proofOf850Submitted());
	}

	// submission

	@Test
	void the_proof_of_use_totals_costs_and_income_entered_as_negative() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00")))
			.when(submit(" Bericht ", Grants.receipts()))
			.expectEvents(Grants.proofSubmitted());
	}

	@Test
	void a_proof_of_use_needs_a_report_and_receipts_with_amounts() {
		this.fixture.given(Grants.confirmedGrant())
			.when(submit(" ", Grants.receipts()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "report"))
			.expectNoEvents();
		this.fixture.given(Grants.confirmedGrant())
			.when(submit("Bericht", List.of()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts"))
			.expectNoEvents();
		this.fixture.given(Grants.confirmedGrant())
			.when(submit("Bericht", List.of(new Receipt(LocalDate.of(2019, 6, 1), "x", CostCategory.FEES, Money.ZERO))))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts[0]"))
			.expectNoEvents();
	}

	// review and settlement

	@Test
	void settlement_with_an_overpayment_releases_nothing_and_claims_the_difference_back() {
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00"),
					Grants.proofSubmitted()))
			.when(accept("700.00", "ok"))
			.expectEvents(
					new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, Grants.euros("700.00"),
							Grants.euros("700.00"), Grants.euros("900.00"), Money.ZERO, Grants.euros("200.00"), "ok"));
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void settlement_below_the_approval_releases_the_unspent_rest_and_leaves_the_balance_to_pay() {
		this.fixture.given(halfPaidAndAccounted())
			.when(accept("800.00", null))
			.expectEvents(Grants.accepted("800.00", "800.00", "500.00", "100.00", "0.00"));
	}

	@Test
	void the_fund_releases_the_unspent_rest_before_the_acceptance_is_recorded() {
		List<Object> given = halfPaidAndAccounted();
		this.fixture.given(given).when(accept("800.00", null)).expectSuccessfulHandlerExecution();
		assertThat(this.funds.bookings()).containsExactly(new Booking(Kind.RELEASE, Applications.ACTION_FUND,
				Applications.APPLICATION, "settlement:application-1", Grants.euros("100.00"), "Abrechnung / settlement",
				(long) given.size() - 1));
	}

	@Test
	void a_release_the_fund_refuses_at_the_review_stores_nothing() {
		this.funds.refuseNextBooking(ErrorCode.RELEASE_EXCEEDS_RESERVATION,
				"only 0.00 EUR of the reservation is not paid out and can be released");
		this.fixture.given(halfPaidAndAccounted())
			.when(accept("800.00", null))
			.expectException(refusedWith(ErrorCode.RELEASE_EXCEEDS_RESERVATION))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_spending_equal_to_what_was_paid_settles_at_once() {
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "700.00"), Grants.paid("p1", "700.00"),
					Grants.proofSubmitted()))
			.when(accept("700.00", null))
			.expectEvents(Grants.accepted("700.00", "700.00", "700.00", "200.00", "0.00"),
					new GrantSettled(Applications.APPLICATION, Grants.euros("700.00")));
		assertThat(this.funds.bookings(Kind.RELEASE)).extracting(Booking::amount)
			.containsExactly(Grants.euros("200.00"));
	}

	@Test
	void the_eligible_amount_may_not_exceed_the_proven_net_expense() {
		this.fixture.given(halfPaidAndAccounted())
			.when(accept("850.01", null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
		this.fixture.given(halfPaidAndAccounted()).when(accept("850.00", null)).expectSuccessfulHandlerExecution();
	}

	@Test
	void an_accepted_proof_of_use_is_reviewed_once() {
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "500.00"), Grants.paid("p1", "500.00"),
					Grants.proofOf850Submitted(), Grants.accepted("800.00", "800.00", "500.00", "100.00", "0.00")))
			.when(accept("700.00", null))
			.expectException(refusedWith(ErrorCode.ALREADY_REVIEWED))
			.expectNoEvents();
	}

	@Test
	void the_eligible_amount_may_not_exceed_the_approval() {
		this.fixture.given(halfPaidAndAccounted())
			.when(accept("900.01", null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_proof_of_use_that_was_not_handed_in_cannot_be_reviewed() {
		this.fixture.given(Grants.confirmedGrant())
			.when(accept("700.00", null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht abgerechnet werden / an application in status APPROVED cannot be reviewed")
			.expectNoEvents();
	}

	@Test
	void a_proof_returned_for_correction_needs_a_note() {
		this.fixture.given(Grants.confirmedGrant(Grants.proofSubmitted()))
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, false, null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectNoEvents();
	}

	@Test
	void a_proof_returned_for_correction_reopens_the_grant() {
		this.fixture.given(Grants.confirmedGrant(Grants.proofSubmitted()))
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, false, null, "Belege fehlen"))
			.expectEvents(new ProofOfUseReturned(Applications.APPLICATION, "Belege fehlen"))
			.expectState(application -> assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED));
		assertThat(this.funds.bookings()).isEmpty();
	}

}
