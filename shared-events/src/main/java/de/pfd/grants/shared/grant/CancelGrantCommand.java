package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * The project of an approved grant is cancelled, with a reason, by its owner (the
 * applicant who drafted it) or by staff ({@code byStaff}), before the settlement.
 */
public record CancelGrantCommand(@TargetAggregateIdentifier ApplicationId applicationId, String cancelledBy,
		boolean byStaff, String reason) {
}
