package de.pfd.grants.shared.application;

/** Where an application stands in its lifecycle (docs/domain.md). */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, RETURNED_FOR_REVISION, READY_FOR_DECISION, IN_VOTING, APPROVED, WAITLISTED, NO_DECISION,
	/** refused: as ineligible at the formal check, or by the deciding body */
	REJECTED, WITHDRAWN, PROOF_OF_USE_SUBMITTED, REFUND_DUE, SETTLED,
	/**
	 * the project of an approved grant was cancelled: its unpaid money went back to the
	 * fund, the money paid is claimed back (refunds are still recorded)
	 */
	CANCELLED,

	/** end state: the fund was closed at year end while the application still waited */
	NOT_FUNDED;

	/**
	 * May the applicant still withdraw it? Not once it has ended, nor while its proof of
	 * use is being settled (and, checked by the grant, not after its first payout).
	 */
	public boolean mayBeWithdrawn() {
		return !(this == WITHDRAWN || this == REJECTED || this == SETTLED || this == CANCELLED || this == NOT_FUNDED
				|| this == PROOF_OF_USE_SUBMITTED || this == REFUND_DUE);
	}

	public boolean isEditable() {
		return this == DRAFT || this == RETURNED_FOR_REVISION;
	}

	/** Submitted and waiting for a check or decision: its requested money is pending. */
	public boolean isPending() {
		return this == SUBMITTED || this == READY_FOR_DECISION || this == IN_VOTING || this == NO_DECISION;
	}

	/**
	 * Still waiting for a check, a decision or money: at year-end closure of its fund
	 * such an application ends {@link #NOT_FUNDED}. A draft stays a draft (it can no
	 * longer be submitted); one returned for revision ends too, as it could only be
	 * resubmitted to the closed fund.
	 */
	public boolean endsAtFundClosure() {
		return isPending() || this == RETURNED_FOR_REVISION || this == WAITLISTED;
	}

}
