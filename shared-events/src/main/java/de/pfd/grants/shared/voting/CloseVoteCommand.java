package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Close a vote (staff, for a meeting; the deadline for a circular vote). If it passes,
 * the body may approve a reduced amount (null = the requested amount) and attach
 * conditions, and approve a project start before the approval
 * ({@code approveEarlyStart}); or, with {@code returnForImprovement}, send it back to the
 * applicant.
 */
public record CloseVoteCommand(@TargetAggregateIdentifier ApplicationId applicationId, Money approvedAmount,
		String conditions, boolean returnForImprovement, String note, boolean approveEarlyStart) {

	public CloseVoteCommand(ApplicationId applicationId, Money approvedAmount, String conditions,
			boolean returnForImprovement, String note) {
		this(applicationId, approvedAmount, conditions, returnForImprovement, note, false);
	}

}
