package de.pfd.grants.server.fund;

import java.util.EnumSet;
import java.util.Set;

import de.pfd.grants.shared.application.ApplicationStatus;

/**
 * The stages of the fund dashboard: every status of an application belongs to exactly
 * one, in the order the applications pass them.
 */
public enum ApplicationStage {

	/** written, or returned to the applicant for revision */
	PREPARATION(EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED_FOR_REVISION)),
	/** submitted, waiting for the formal check */
	FORMAL_CHECK(EnumSet.of(ApplicationStatus.SUBMITTED)),
	/** ready for decision, in a vote, or without a decision (no quorum) */
	DECISION(EnumSet.of(ApplicationStatus.READY_FOR_DECISION, ApplicationStatus.IN_VOTING,
			ApplicationStatus.NO_DECISION)),
	/** approved, waiting for money */
	WAITING_LIST(EnumSet.of(ApplicationStatus.WAITLISTED)),
	/** approved with money reserved: notice, payouts, the project running */
	FUNDED(EnumSet.of(ApplicationStatus.APPROVED)),
	/** proof of use submitted, or money to be paid back */
	SETTLEMENT(EnumSet.of(ApplicationStatus.PROOF_OF_USE_SUBMITTED, ApplicationStatus.REFUND_DUE)),
	/** settled */
	SETTLED(EnumSet.of(ApplicationStatus.SETTLED)),
	/** ended without (all of) the grant: rejected, withdrawn, cancelled, not funded */
	ENDED(EnumSet.of(ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.CANCELLED,
			ApplicationStatus.NOT_FUNDED));

	private final Set<ApplicationStatus> statuses;

	ApplicationStage(Set<ApplicationStatus> statuses) {
		this.statuses = statuses;
	}

	public Set<ApplicationStatus> statuses() {
		return this.statuses;
	}

	public static ApplicationStage of(ApplicationStatus status) {
		for (ApplicationStage stage : values()) {
			if (stage.statuses.contains(status)) {
				return stage;
			}
		}
		throw new IllegalArgumentException("no stage for " + status);
	}

}
