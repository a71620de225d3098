package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Staff correct a mistaken review of an accepted proof of use, with a reason, until the
 * grant is settled.
 */
public record CorrectProofOfUseReviewCommand(@TargetAggregateIdentifier ApplicationId applicationId,
		Money eligibleAmount, String reason) {
}
