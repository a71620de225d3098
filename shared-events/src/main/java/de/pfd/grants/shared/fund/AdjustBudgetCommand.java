package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.money.Money;

/**
 * Raise (positive change) or cut (negative change) a fund's budget. The adjustment id
 * makes a retried request harmless.
 */
public record AdjustBudgetCommand(@TargetAggregateIdentifier FundId fundId, String adjustmentId, Money change,
		String reason) {
}
