package de.pfd.grants.shared.grant;

import java.util.List;

import de.pfd.grants.shared.money.Money;

/**
 * The sums of a financial statement: costs (the positive lines), income (the negative
 * lines, as a positive sum) and the balance (costs minus income). The one computation for
 * the grant's settlement and for every page that shows the sums while they are typed.
 */
public record ReceiptTotals(Money costs, Money income, Money balance) {

	public static ReceiptTotals of(List<Receipt> receipts) {
		Money costs = receipts.stream().map(Receipt::amount).filter(Money::isPositive).reduce(Money.ZERO, Money::plus);
		Money income = receipts.stream()
			.map(Receipt::amount)
			.filter(Money::isNegative)
			.map(Money::negate)
			.reduce(Money.ZERO, Money::plus);
		return new ReceiptTotals(costs, income, costs.minus(income));
	}

}
