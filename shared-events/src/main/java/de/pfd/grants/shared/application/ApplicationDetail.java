package de.pfd.grants.shared.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * An application as its readers see it: content, status, every status change (when, who,
 * note) and every submitted version. {@code organisationId} and {@code organisationName}:
 * the organisation it is filed for (the surviving one after a merge); both null for
 * applications from before organisations had ids.
 */
public record ApplicationDetail(ApplicationId id, PartnershipId partnershipId, FundId fundId,
		DecisionBodyType decisionBody, String owner, ApplicationStatus status, int version, Instant createdAt,
		Instant submittedAt, Instant statusSince, long daysInStatus, ApplicationContent content, Money totalCosts,
		Money totalIncome, BigDecimal coFinancingPercent, List<StatusChange> history, List<SubmittedVersion> versions,
		Grant grant, OrganisationId organisationId, String organisationName, EarlyStart earlyStart) {

	/**
	 * Whether the project starts before the day of its approval (before today while it is
	 * not approved: flagged at the formal check and at the decision), and whether the
	 * approval approved that early start (vorzeitiger Maßnahmebeginn; null until an
	 * approval). Null without a start date.
	 */
	public record EarlyStart(LocalDate projectStart, boolean startsBeforeApproval, Boolean approved) {
	}

	/**
	 * What was approved and how far the grant has come: reserved in the fund or waiting
	 * (position), grant notice issued and confirmed. Null until an approval. The refund
	 * claim (null without one): its amount, refunds, outstanding rest, the day it arose
	 * ({@code refundClaimArisenOn}), its due day ({@code refundDueOn},
	 * {@code refundOverdue}) and its interest under § 49a VwVfG ({@code interestWaived}
	 * below the small-amount limit). {@code unusedMoneyInterest}: interest under § 49a(4)
	 * on money not used within the spending period (zero without payouts).
	 * {@code pendingPayouts}: payouts certified and not yet released (four eyes).
	 */
	public record Grant(Money approvedAmount, String conditions, boolean fundsReserved, Integer waitlistPosition,
			String noticeReference, Instant noticeIssuedAt, Instant noticeConfirmedAt, Money requestedPayouts,
			Money paid, LocalDate spendBy, LocalDate proofOfUseDueOn, boolean proofOfUseOverdue,
			Instant proofOfUseSubmittedAt, String proofOfUseReport, List<Receipt> receipts, Money eligibleAmount,
			Money finalGrant, Money refundClaim, Money refunded, Money refundOutstanding, Money interest,
			List<Payment> payments, LocalDate refundClaimArisenOn, LocalDate refundDueOn, Boolean refundOverdue,
			Boolean interestWaived, Money unusedMoneyInterest, boolean unusedMoneyInterestWaived,
			List<PendingPayout> pendingPayouts) {

		public Grant(Money approvedAmount, String conditions, boolean fundsReserved, Integer waitlistPosition,
				String noticeReference, Instant noticeIssuedAt, Instant noticeConfirmedAt, Money requestedPayouts,
				Money paid, LocalDate spendBy, LocalDate proofOfUseDueOn, boolean proofOfUseOverdue,
				Instant proofOfUseSubmittedAt, String proofOfUseReport, List<Receipt> receipts, Money eligibleAmount,
				Money finalGrant, Money refundClaim, Money refunded, Money refundOutstanding, Money interest,
				List<Payment> payments) {
			this(approvedAmount, conditions, fundsReserved, waitlistPosition, noticeReference, noticeIssuedAt,
					noticeConfirmedAt, requestedPayouts, paid, spendBy, proofOfUseDueOn, proofOfUseOverdue,
					proofOfUseSubmittedAt, proofOfUseReport, receipts, eligibleAmount, finalGrant, refundClaim,
					refunded, refundOutstanding, interest, payments, null, null, null, null, Money.ZERO, false,
					List.of());
		}

	}

	/** A payout certified by one staff member and waiting for another to release it. */
	public record PendingPayout(String payoutId, Money amount, LocalDate paidOn, String reference, String certifiedBy,
			Instant certifiedAt) {
	}

	/**
	 * A payout request, a payout or a refund, or the reversal of a payout or refund
	 * ({@code PAYOUT_REVERSAL}, {@code REFUND_REVERSAL}: a negative amount,
	 * {@code reverses} the original's id, with the {@code reason}).
	 */
	public record Payment(String kind, String id, Money amount, String purpose, LocalDate date, String reference,
			LocalDate spendBy, Instant at, String by, String reverses, String reason) {

		public Payment(String kind, String id, Money amount, String purpose, LocalDate date, String reference,
				LocalDate spendBy, Instant at, String by) {
			this(kind, id, amount, purpose, date, reference, spendBy, at, by, null, null);
		}

	}

	public record StatusChange(ApplicationStatus status, Instant at, String by, String note, int version) {
	}

	public record SubmittedVersion(int version, Instant submittedAt, Money requestedAmount) {
	}

}
