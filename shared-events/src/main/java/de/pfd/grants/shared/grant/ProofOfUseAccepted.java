package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * The settlement: {@code finalGrant} = min(approved, eligible); {@code released} goes
 * back to the fund now (approved money neither granted nor paid out); {@code refundDue}
 * is what was paid beyond the final grant and must be repaid (a refund claim).
 */
@Revision("1")
public record ProofOfUseAccepted(ApplicationId applicationId, FundId fundId, Money eligibleAmount, Money finalGrant,
		Money paid, Money released, Money refundDue, String note) {

	/**
	 * A refund claim keeps the grant open as {@code REFUND_DUE}; otherwise it stays with
	 * the proof of use until the last balance is paid and the grant is settled.
	 */
	public ApplicationStatus resultingStatus() {
		return this.refundDue.isPositive() ? ApplicationStatus.REFUND_DUE : ApplicationStatus.PROOF_OF_USE_SUBMITTED;
	}

}
