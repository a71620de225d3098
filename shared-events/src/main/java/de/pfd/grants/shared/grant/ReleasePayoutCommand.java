package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * A second staff member releases a certified payout: the fund books it. The one who
 * certified it may not release it.
 */
public record ReleasePayoutCommand(@TargetAggregateIdentifier ApplicationId applicationId, String payoutId,
		String releasedBy) {
}
