package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/** Give back all (amount null) or part of an application's reservation. */
public record ReleaseFundsCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, Money amount,
		String reason) {
}
