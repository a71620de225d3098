package de.pfd.grants.command.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.grant.PayoutCertified;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.PayoutRequested;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.money.Money;

/**
 * Builders for the money of the standard application after its approval: the reservation,
 * the grant notice, payout requests and payouts, the proof of use and its settlement,
 * refunds. Two grants: the whole request of 1,000.00 approved on the fast track, and
 * 900.00 approved with the condition "Nachweis".
 */
public final class Grants {

	public static final String OWNER = Applications.OWNER;

	public static final LocalDate PAID_ON = LocalDate.of(2019, 6, 1);

	/**
	 * The morning of {@link #PAID_ON} in Mettmann: tests of payouts run then, the grant
	 * notice confirmed that day.
	 */
	public static final Instant PAYOUT_DAY = Instant.parse("2019-06-01T08:00:00Z");

	/** Six weeks after the project's end on 30 September 2019. */
	public static final LocalDate PROOF_OF_USE_DUE_ON = LocalDate.of(2019, 11, 11);

	public static final LocalDate RECEIVED_ON = LocalDate.of(2020, 1, 10);

	private Grants() {
	}

	public static Money euros(String amount) {
		return Money.euros(amount);
	}

	// the whole request approved

	/** The requested 1,000.00 approved on the fast track, with the money reserved. */
	public static Object[] reservedApproval() {
		return new Object[] { Votes.fastTrackApproved(),
				new ApprovedFundsReserved(Applications.APPLICATION, Votes.REQUESTED) };
	}

	public static GrantNoticeIssued noticeIssued() {
		return new GrantNoticeIssued(Applications.APPLICATION, "AZ 2019-017", Votes.REQUESTED, null);
	}

	// the grant of 900.00

	/**
	 * Drafted, submitted, accepted, 900.00 (of 1,000.00) approved without conditions and
	 * reserved, the grant notice issued: waiting for the applicant's confirmation.
	 */
	public static List<Object> noticeToConfirm() {
		return Applications.readyForDecision(Votes.fastTrackApproved(euros("900.00"), null),
				new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")),
				new GrantNoticeIssued(Applications.APPLICATION, null, euros("900.00"), null));
	}

	/**
	 * Drafted, submitted, accepted, approved with 900.00 (of 1,000.00) on condition of a
	 * "Nachweis", reserved, notice issued and confirmed; then the given events.
	 */
	public static List<Object> confirmedGrant(Object... then) {
		List<Object> events = Applications.readyForDecision(Votes.fastTrackApproved(euros("900.00"), "Nachweis"),
				new ApprovedFundsReserved(Applications.APPLICATION, euros("900.00")),
				new GrantNoticeIssued(Applications.APPLICATION, "ZB-1", euros("900.00"), "Nachweis"),
				new GrantNoticeConfirmed(Applications.APPLICATION, PROOF_OF_USE_DUE_ON));
		events.addAll(new ArrayList<>(List.of(then)));
		return events;
	}

	public static PayoutRequested requested(String id, String amount) {
		return new PayoutRequested(Applications.APPLICATION, id, euros(amount), "Honorare");
	}

	public static RecordPayoutCommand payOut(String id, String amount, String reference) {
		return new RecordPayoutCommand(Applications.APPLICATION, id, euros(amount), PAID_ON, reference);
	}

	/** Certified (with four eyes) by the staff member. */
	public static RecordPayoutCommand certify(String id, String amount, String certifiedBy) {
		return new RecordPayoutCommand(Applications.APPLICATION, id, euros(amount), PAID_ON, "UEB", certifiedBy);
	}

	public static PayoutCertified certified(String id, String amount, String certifiedBy) {
		return new PayoutCertified(Applications.APPLICATION, Applications.ACTION_FUND, id, euros(amount), PAID_ON,
				"UEB", certifiedBy);
	}

	/** Paid on 1 June 2019, to be spent within the standard six weeks. */
	public static PayoutRecorded paid(String id, String amount) {
		return paid(id, amount, "UEB");
	}

	public static PayoutRecorded paid(String id, String amount, String reference) {
		return new PayoutRecorded(Applications.APPLICATION, Applications.ACTION_FUND, id, euros(amount), PAID_ON,
				reference, PAID_ON.plusWeeks(6));
	}

	/** 800.00 of fees and 100.00 of participants' fees (entered as negative). */
	public static List<Receipt> receipts() {
		return List.of(new Receipt(LocalDate.of(2019, 6, 10), "Honorar", CostCategory.FEES, euros("800.00")),
				new Receipt(LocalDate.of(2019, 6, 12), "Teilnahmebeiträge", CostCategory.OTHER, euros("-100.00")));
	}

	public static ProofOfUseSubmitted proofSubmitted() {
		return new ProofOfUseSubmitted(Applications.APPLICATION, "Bericht", receipts(), euros("800.00"),
				euros("100.00"), euros("700.00"));
	}

	/** 900.00 of fees and 50.00 of participants' fees: 850.00 proven. */
	public static ProofOfUseSubmitted proofOf850Submitted() {
		return new ProofOfUseSubmitted(Applications.APPLICATION, "Bericht", List.of(
				new Receipt(LocalDate.of(2019, 6, 10), "Honorar", CostCategory.FEES, euros("900.00")),
				new Receipt(LocalDate.of(2019, 6, 12), "Teilnahmebeiträge", CostCategory.OTHER, euros("-50.00"))),
				euros("900.00"), euros("50.00"), euros("850.00"));
	}

	public static ProofOfUseAccepted accepted(String eligible, String finalGrant, String paid, String released,
			String refundDue) {
		return new ProofOfUseAccepted(Applications.APPLICATION, Applications.ACTION_FUND, euros(eligible),
				euros(finalGrant), euros(paid), euros(released), euros(refundDue), null);
	}

	/** 900.00 paid, 700.00 eligible: 200.00 to be paid back. */
	public static List<Object> refundDue(Object... then) {
		List<Object> events = confirmedGrant(requested("r1", "900.00"), paid("p1", "900.00"), proofSubmitted(),
				accepted("700.00", "700.00", "900.00", "0.00", "200.00"));
		events.addAll(List.of(then));
		return events;
	}

	public static RefundRecorded refundRecorded(String id, String amount, String rest) {
		return new RefundRecorded(Applications.APPLICATION, Applications.ACTION_FUND, id, euros(amount), RECEIVED_ON,
				euros(rest));
	}

}
