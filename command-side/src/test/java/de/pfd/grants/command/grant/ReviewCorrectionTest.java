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
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.CorrectProofOfUseReviewCommand;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.money.Money;

/**
 * A mistaken review of an accepted proof of use is corrected with a reason until the
 * grant is settled: final grant, refund claim and the fund's reservation follow.
 */
class ReviewCorrectionTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static CorrectProofOfUseReviewCommand correct(String eligible, String reason) {
		return new CorrectProofOfUseReviewCommand(Applications.APPLICATION, Money.euros(eligible), reason);
	}

	/** 500.00 paid, 850.00 proven, 800.00 accepted: 100.00 released, 300.00 to pay. */
	private static List<Object> acceptedWithBalanceToPay() {
		return Grants.confirmedGrant(Grants.requested("r1", "500.00"), Grants.paid("p1", "500.00"),
				Grants.proofOf850Submitted(), Grants.accepted("800.00", "800.00", "500.00", "100.00", "0.00"));
	}

	@Test
	void a_lower_eligible_amount_releases_the_difference_through_the_fund_and_leaves_less_to_pay() {
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("600.00", "Beleg doppelt gezählt"))
			.expectEvents(new ProofOfUseReviewCorrected(Applications.APPLICATION, Applications.ACTION_FUND,
					Grants.euros("800.00"), Grants.euros("800.00"), Grants.euros("600.00"), Grants.euros("600.00"),
					Grants.euros("500.00"), Grants.euros("200.00"), Money.ZERO,
					ApplicationStatus.PROOF_OF_USE_SUBMITTED, "Beleg doppelt gezählt"));
		assertThat(this.funds.bookings(Kind.RELEASE)).extracting(Booking::amount)
			.containsExactly(Grants.euros("200.00"));
	}

	@Test
	void a_correction_below_what_was_paid_becomes_a_refund_claim() {
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("400.00", "Honorar nicht förderfähig"))
			.expectEvents(new ProofOfUseReviewCorrected(Applications.APPLICATION, Applications.ACTION_FUND,
					Grants.euros("800.00"), Grants.euros("800.00"), Grants.euros("400.00"), Grants.euros("400.00"),
					Grants.euros("500.00"), Grants.euros("300.00"), Grants.euros("100.00"),
					ApplicationStatus.REFUND_DUE, "Honorar nicht förderfähig"));
	}

	@Test
	void a_higher_eligible_amount_lowers_the_refund_claim_and_releases_nothing() {
		// 900.00 paid, 700.00 accepted: 200.00 claimed back, nothing released
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00"),
					Grants.proofOf850Submitted(), Grants.accepted("700.00", "700.00", "900.00", "0.00", "200.00")))
			.when(correct("850.00", "Beleg nachgereicht"))
			.expectEvents(new ProofOfUseReviewCorrected(Applications.APPLICATION, Applications.ACTION_FUND,
					Grants.euros("700.00"), Grants.euros("700.00"), Grants.euros("850.00"), Grants.euros("850.00"),
					Grants.euros("900.00"), Money.ZERO, Grants.euros("50.00"), ApplicationStatus.REFUND_DUE,
					"Beleg nachgereicht"));
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void more_than_the_fund_still_holds_for_the_grant_is_refused() {
		// 100.00 went back at the settlement: 900.00 is no longer bound
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("850.00", "mehr"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
	}

	@Test
	void a_correction_that_leaves_nothing_to_pay_or_refund_settles_the_grant() {
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("500.00", "nur 500 förderfähig"))
			.expectEvents(
					new ProofOfUseReviewCorrected(Applications.APPLICATION, Applications.ACTION_FUND,
							Grants.euros("800.00"), Grants.euros("800.00"), Grants.euros("500.00"),
							Grants.euros("500.00"), Grants.euros("500.00"), Grants.euros("300.00"), Money.ZERO,
							ApplicationStatus.PROOF_OF_USE_SUBMITTED, "nur 500 förderfähig"),
					new GrantSettled(Applications.APPLICATION, Grants.euros("500.00")));
	}

	@Test
	void a_correction_needs_a_reason_an_accepted_review_and_a_grant_not_yet_settled() {
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("600.00", " "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "reason"))
			.expectNoEvents();
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "500.00"), Grants.paid("p1", "500.00"),
					Grants.proofOf850Submitted()))
			.when(correct("600.00", "zu früh"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
		List<Object> settled = acceptedWithBalanceToPay();
		settled.add(new GrantSettled(Applications.APPLICATION, Grants.euros("500.00")));
		this.fixture.given(settled)
			.when(correct("600.00", "zu spät"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void the_corrected_amount_may_not_exceed_the_proven_net_expense_nor_the_approval() {
		this.fixture.given(acceptedWithBalanceToPay())
			.when(correct("850.01", "zu viel"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
	}

	@Test
	void refunds_already_received_above_the_corrected_claim_are_refused() {
		// 900.00 paid, 700.00 accepted, 150.00 of the 200.00 claimed refunded: 800.00
		// would claim only 100.00
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00"),
					Grants.proofOf850Submitted(), Grants.accepted("700.00", "700.00", "900.00", "0.00", "200.00"),
					Grants.refundRecorded("f1", "150.00", "50.00")))
			.when(correct("800.00", "mehr förderfähig"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
	}

}
