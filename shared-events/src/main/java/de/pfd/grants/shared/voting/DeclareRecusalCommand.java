package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * A member declares a conflict of interest (Befangenheit): no vote, not counted for the
 * quorum.
 */
public record DeclareRecusalCommand(@TargetAggregateIdentifier ApplicationId applicationId, String username,
		String reason) {
}
