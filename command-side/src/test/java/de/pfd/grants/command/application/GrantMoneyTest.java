package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.ApplicationTest.Applications;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.PayoutRequested;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * Payout requests, payouts, proof of use, settlement and refunds of an approved grant of
 * 900.00.
 */
class GrantMoneyTest {

	static final String OWNER = Applications.OWNER;

	static final LocalDate PAID_ON = LocalDate.of(2019, 6, 1);

	private FixtureConfiguration<Application> fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new AggregateTestFixture<>(Application.class);
	}

	static Money euros(String amount) {
		return Money.euros(amount);
	}

	/**
	 * Drafted, submitted, accepted, approved with 900.00 (of 1000.00), reserved, notice
	 * issued and confirmed.
	 */
	private TestExecutor<Application> confirmedGrant(Object... more) {
		List<Object> events = new java.util.ArrayList<>(List.of(Applications.drafted(), Applications.submitted(1),
				Applications.accepted(1),
				new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
						ApplicationDecided.DecidedBy.LEAD_OFFICE, euros("900.00"), "Nachweis", null, null, 1, 0),
				new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")),
				new GrantNoticeIssued(Applications.APPLICATION, "ZB-1", euros("900.00"), "Nachweis"),
				new GrantNoticeConfirmed(Applications.APPLICATION, LocalDate.of(2019, 11, 11))));
		events.addAll(List.of(more));
		return this.fixture.given(events);
	}

	static PayoutRequested requested(String id, String amount) {
		return new PayoutRequested(Applications.APPLICATION, id, euros(amount), "Honorare");
	}

	static PayoutRecorded paid(String id, String amount) {
		return new PayoutRecorded(Applications.APPLICATION, Applications.ACTION_FUND, id, euros(amount), PAID_ON, "UEB",
				PAID_ON.plusWeeks(6));
	}

	static List<Receipt> receipts() {
		return List.of(new Receipt(LocalDate.of(2019, 6, 10), "Honorar", CostCategory.FEES, euros("800.00")),
				new Receipt(LocalDate.of(2019, 6, 12), "Teilnahmebeiträge", CostCategory.OTHER, euros("-100.00")));
	}

	static ProofOfUseSubmitted proofSubmitted() {
		return new ProofOfUseSubmitted(Applications.APPLICATION, "Bericht", receipts(), euros("800.00"),
				euros("100.00"), euros("700.00"));
	}

	@Test
	void the_applicant_requests_part_of_the_approved_money() {
		confirmedGrant()
			.when(new RequestPayoutCommand(Applications.APPLICATION, OWNER, "r1", euros("600.00"), "Honorare"))
			.expectEvents(requested("r1", "600.00"));
	}

	@Test
	void requests_never_exceed_approved_minus_already_requested() {
		confirmedGrant(requested("r1", "600.00"))
			.when(new RequestPayoutCommand(Applications.APPLICATION, OWNER, "r2", euros("300.01"), null))
			.expectException(refusedWith(ErrorCode.PAYOUT_REQUEST_EXCEEDS_APPROVAL, "amount"))
			.expectNoEvents();
	}

	@Test
	void a_request_with_the_same_id_is_booked_once() {
		confirmedGrant(requested("r1", "600.00"))
			.when(new RequestPayoutCommand(Applications.APPLICATION, OWNER, "r1", euros("600.00"), "Honorare"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void only_the_owner_requests_money_and_only_after_confirming_the_notice() {
		confirmedGrant().when(new RequestPayoutCommand(Applications.APPLICATION, "someone", "r1", euros("1.00"), null))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1),
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
							ApplicationDecided.DecidedBy.LEAD_OFFICE, euros("900.00"), null, null, null, 1, 0),
					new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")))
			.when(new RequestPayoutCommand(Applications.APPLICATION, OWNER, "r1", euros("1.00"), null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void staff_pay_out_what_is_requested_and_the_money_must_be_spent_within_the_weeks_given() {
		confirmedGrant(requested("r1", "600.00"))
			.when(new RecordPayoutCommand(Applications.APPLICATION, "p1", euros("600.00"), PAID_ON, "UEB", 6))
			.expectEvents(paid("p1", "600.00"));
	}

	@Test
	void a_payout_above_the_open_requests_is_refused() {
		confirmedGrant(requested("r1", "600.00"), paid("p1", "500.00"))
			.when(new RecordPayoutCommand(Applications.APPLICATION, "p2", euros("100.01"), PAID_ON, null, 6))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_REQUEST, "amount"))
			.expectNoEvents();
	}

	@Test
	void after_the_first_payout_the_application_can_no_longer_be_withdrawn() {
		confirmedGrant(requested("r1", "600.00"), paid("p1", "100.00"))
			.when(new WithdrawApplicationCommand(Applications.APPLICATION, OWNER, "doch nicht"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void before_the_first_payout_a_withdrawal_is_still_possible() {
		confirmedGrant(requested("r1", "600.00"))
			.when(new WithdrawApplicationCommand(Applications.APPLICATION, OWNER, "doch nicht"))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.APPROVED, "doch nicht"));
	}

	@Test
	void the_proof_of_use_totals_costs_and_income_entered_as_negative() {
		confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"))
			.when(new SubmitProofOfUseCommand(Applications.APPLICATION, OWNER, " Bericht ", receipts()))
			.expectEvents(proofSubmitted());
	}

	@Test
	void a_proof_of_use_needs_a_report_and_receipts_with_amounts() {
		confirmedGrant().when(new SubmitProofOfUseCommand(Applications.APPLICATION, OWNER, " ", receipts()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "report"))
			.expectNoEvents();
		confirmedGrant().when(new SubmitProofOfUseCommand(Applications.APPLICATION, OWNER, "Bericht", List.of()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts"))
			.expectNoEvents();
		confirmedGrant()
			.when(new SubmitProofOfUseCommand(Applications.APPLICATION, OWNER, "Bericht",
					List.of(new Receipt(LocalDate.of(2019, 6, 1), "x", CostCategory.FEES, Money.ZERO))))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts[0]"))
			.expectNoEvents();
	}

	@Test
	void settlement_with_an_overpayment_releases_nothing_and_claims_the_difference_back() {
		confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"), proofSubmitted())
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, true, euros("700.00"), "ok"))
			.expectEvents(new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros("700.00"),
					euros("700.00"), euros("900.00"), Money.ZERO, euros("200.00"), "ok"));
	}

	@Test
	void settlement_below_the_approval_releases_the_unspent_rest_and_leaves_the_balance_to_pay() {
		confirmedGrant(requested("r1", "500.00"), paid("p1", "500.00"), proofSubmitted())
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, true, euros("800.00"), null))
			.expectEvents(new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros("800.00"),
					euros("800.00"), euros("500.00"), euros("100.00"), Money.ZERO, null));
	}

	@Test
	void the_balance_of_the_final_grant_is_paid_without_a_request_and_then_the_grant_is_settled() {
		confirmedGrant(requested("r1", "500.00"), paid("p1", "500.00"), proofSubmitted(),
				new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros("800.00"),
						euros("800.00"), euros("500.00"), euros("100.00"), Money.ZERO, null))
			.when(new RecordPayoutCommand(Applications.APPLICATION, "p2", euros("300.00"), PAID_ON, "Rest", 6))
			.expectEvents(
					new PayoutRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "p2", euros("300.00"),
							PAID_ON, "Rest", PAID_ON.plusWeeks(6)),
					new GrantSettled(Applications.APPLICATION, euros("800.00")));
	}

	@Test
	void a_spending_equal_to_what_was_paid_settles_at_once() {
		confirmedGrant(requested("r1", "700.00"), paid("p1", "700.00"), proofSubmitted())
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, true, euros("700.00"), null))
			.expectEvents(
					new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros("700.00"),
							euros("700.00"), euros("700.00"), euros("200.00"), Money.ZERO, null),
					new GrantSettled(Applications.APPLICATION, euros("700.00")));
	}

	@Test
	void the_eligible_amount_may_not_exceed_the_approval() {
		confirmedGrant(requested("r1", "500.00"), paid("p1", "500.00"), proofSubmitted())
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, true, euros("900.01"), null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "eligibleAmount"))
			.expectNoEvents();
	}

	@Test
	void a_proof_returned_for_correction_needs_a_note() {
		confirmedGrant(proofSubmitted()).when(new ReviewProofOfUseCommand(Applications.APPLICATION, false, null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectNoEvents();
	}

	@Test
	void a_proof_returned_for_correction_reopens_the_grant() {
		confirmedGrant(proofSubmitted())
			.when(new ReviewProofOfUseCommand(Applications.APPLICATION, false, null, "Belege fehlen"))
			.expectEvents(new ProofOfUseReturned(Applications.APPLICATION, "Belege fehlen"))
			.expectState(application -> org.assertj.core.api.Assertions.assertThat(application)
				.extracting("status")
				.isEqualTo(ApplicationStatus.APPROVED));
	}

	@Test
	void refunds_are_booked_until_the_claim_is_paid_and_then_the_grant_is_settled() {
		ProofOfUseAccepted claim = new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND,
				euros("700.00"), euros("700.00"), euros("900.00"), Money.ZERO, euros("200.00"), null);
		LocalDate received = LocalDate.of(2020, 1, 10);
		confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"), proofSubmitted(), claim)
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", euros("150.00"), received))
			.expectEvents(new RefundRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "f1", euros("150.00"),
					received, euros("50.00")));
		confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"), proofSubmitted(), claim,
				new RefundRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "f1", euros("150.00"), received,
						euros("50.00")))
			.when(new RecordRefundCommand(Applications.APPLICATION, "f2", euros("50.00"), received))
			.expectEvents(new RefundRecorded(Applications.APPLICATION, Applications.ACTION_FUND, "f2", euros("50.00"),
					received, Money.ZERO), new GrantSettled(Applications.APPLICATION, euros("700.00")));
	}

	@Test
	void a_refund_above_the_claim_is_refused() {
		confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"), proofSubmitted(),
				new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros("700.00"),
						euros("700.00"), euros("900.00"), Money.ZERO, euros("200.00"), null))
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", euros("200.01"), LocalDate.of(2020, 1, 10)))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CLAIM, "amount"))
			.expectNoEvents();
	}

	@Test
	void without_a_claim_there_is_nothing_to_refund() {
		confirmedGrant().when(new RecordRefundCommand(Applications.APPLICATION, "f1", euros("1.00"), PAID_ON))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void confirming_the_notice_sets_the_due_date_of_the_proof_of_use_and_flags_it_when_late() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1),
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
							ApplicationDecided.DecidedBy.LEAD_OFFICE, euros("900.00"), null, null, null, 1, 0),
					new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")),
					new GrantNoticeIssued(Applications.APPLICATION, null, euros("900.00"), null))
			.when(new de.pfd.grants.shared.application.ConfirmGrantNoticeCommand(Applications.APPLICATION, OWNER, 8))
			.expectEvents(new GrantNoticeConfirmed(Applications.APPLICATION,
					Applications.completeContent().endDate().plusWeeks(8)))
			.expectScheduledDeadlineWithName(Applications.completeContent()
				.endDate()
				.plusWeeks(8)
				.plusDays(1)
				.atStartOfDay(java.time.ZoneOffset.UTC)
				.toInstant(), Application.PROOF_OF_USE_DUE);
	}

	@Test
	void a_proof_of_use_not_in_by_its_due_date_is_flagged() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1),
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
							ApplicationDecided.DecidedBy.LEAD_OFFICE, euros("900.00"), null, null, null, 1, 0),
					new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")),
					new GrantNoticeIssued(Applications.APPLICATION, null, euros("900.00"), null))
			.andGivenCommands(
					new de.pfd.grants.shared.application.ConfirmGrantNoticeCommand(Applications.APPLICATION, OWNER, 6))
			.whenTimeElapses(java.time.Duration.ofDays(365 * 20))
			.expectTriggeredDeadlinesWithName(Application.PROOF_OF_USE_DUE)
			.expectEvents(new ProofOfUseOverdue(Applications.APPLICATION,
					Applications.completeContent().endDate().plusWeeks(6)));
	}

}
