package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Mittelabruf: the applicant asks for (part of) the approved money; the request id makes
 * it idempotent.
 */
public record RequestPayoutCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		String requestId, Money amount, String purpose) {
}
