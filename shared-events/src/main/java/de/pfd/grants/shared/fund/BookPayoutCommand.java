package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Book money paid out to an application against its reservation; the payout id makes it
 * idempotent.
 */
public record BookPayoutCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, String payoutId,
		Money amount) {
}
