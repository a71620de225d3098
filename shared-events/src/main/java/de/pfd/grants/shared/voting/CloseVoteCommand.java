package de.pfd.grants.shared.voting;

import java.time.Instant;

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
		String conditions, boolean returnForImprovement, String note, boolean approveEarlyStart, Instant decidedAt) {

	/**
	 * Closed now. {@code decidedAt} (above): the day of the meeting the resolution was
	 * taken at, when staff record its minutes later (meeting votes only, not in the
	 * future); null: now.
	 */
	public CloseVoteCommand(ApplicationId applicationId, Money approvedAmount, String conditions,
			boolean returnForImprovement, String note, boolean approveEarlyStart) {
		this(applicationId, approvedAmount, conditions, returnForImprovement, note, approveEarlyStart, null);
	}

	public CloseVoteCommand(ApplicationId applicationId, Money approvedAmount, String conditions,
			boolean returnForImprovement, String note) {
		this(applicationId, approvedAmount, conditions, returnForImprovement, note, false);
	}

}
