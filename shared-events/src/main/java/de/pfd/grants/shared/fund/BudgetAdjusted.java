package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.money.Money;

@Revision("1")
public record BudgetAdjusted(FundId fundId, String adjustmentId, Money change, Money newBudget, String reason) {
}
