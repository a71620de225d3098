package de.pfd.grants.shared.application;

public enum FormalCheckOutcome {

	/** complete and eligible: ready for the decision */
	ACCEPTED,
	/** needs changes: back to the applicant with a note */
	RETURNED,
	/** not eligible: final, with a reason */
	REJECTED

}
