package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/** Bind money of the fund to an approved application. */
public record ReserveFundsCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, Money amount) {
}
