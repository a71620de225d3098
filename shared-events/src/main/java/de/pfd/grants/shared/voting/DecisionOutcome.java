package de.pfd.grants.shared.voting;

public enum DecisionOutcome {

	APPROVED, REJECTED,
	/** sent back to the applicant for improvement */
	RETURNED,
	/** no quorum: may be put to a vote again */
	NO_DECISION

}
