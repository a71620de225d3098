package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/** Book money an applicant paid back; the refund id makes it idempotent. */
public record BookRefundCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, String refundId,
		Money amount) {
}
