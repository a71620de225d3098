package de.pfd.grants.command.fund;

import de.pfd.grants.shared.money.Money;

/**
 * The fund's money rules as plain functions (unit-tested without Axon). The formula for
 * what is available is {@link de.pfd.grants.shared.fund.FundBudget#available}.
 */
final class BudgetRules {

	private BudgetRules() {
	}

	/**
	 * A reservation must fit into what is still available: the fund never commits more
	 * than its budget. (Every amount is checked to be positive where it enters.)
	 */
	static boolean mayReserve(Money available, Money amount) {
		return !amount.isGreaterThan(available);
	}

	/** A budget may be cut, but never below the money already bound by approvals. */
	static boolean mayAdjust(Money budget, Money change, Money reserved) {
		Money newBudget = budget.plus(change);
		return !change.isZero() && !newBudget.isLessThan(reserved);
	}

	/**
	 * Only the part of a reservation that is not paid out can be given back to the fund.
	 */
	static Money releasable(Money reservedForApplication, Money netPaid) {
		Money rest = reservedForApplication.minus(netPaid);
		return rest.isNegative() ? Money.ZERO : rest;
	}

	/** Net payouts of an application may not exceed what is reserved for it. */
	static boolean mayPayOut(Money reservedForApplication, Money netPaid, Money amount) {
		return !netPaid.plus(amount).isGreaterThan(reservedForApplication);
	}

	/** Only money that was paid out (and not refunded yet) can come back. */
	static boolean mayRefund(Money netPaid, Money amount) {
		return !amount.isGreaterThan(netPaid);
	}

}
