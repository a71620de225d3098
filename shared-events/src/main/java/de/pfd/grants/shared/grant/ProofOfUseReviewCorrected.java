package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * The review of an accepted proof of use corrected, with a reason: the eligible amount
 * and the final grant (= min(approved, eligible)) as they are from now on (the previous
 * ones named too). {@code released}: money the fund released now because less stays
 * bound; {@code refundDue}: the whole refund claim as corrected (what was paid beyond the
 * final grant; refunds already received count against it); {@code resultingStatus}: where
 * the grant stands afterwards ({@code REFUND_DUE}, or {@code PROOF_OF_USE_SUBMITTED};
 * when nothing is left to pay or to refund, {@link GrantSettled} follows).
 */
@Revision("1")
public record ProofOfUseReviewCorrected(ApplicationId applicationId, FundId fundId, Money previousEligibleAmount,
		Money previousFinalGrant, Money eligibleAmount, Money finalGrant, Money paid, Money released, Money refundDue,
		ApplicationStatus resultingStatus, String reason) {
}
