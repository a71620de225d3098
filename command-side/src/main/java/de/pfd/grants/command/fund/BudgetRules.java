package de.pfd.grants.command.fund;

import de.pfd.grants.shared.money.Money;

/** The fund's money rules as plain functions (unit-tested without Axon). */
final class BudgetRules {

	private BudgetRules() {
	}

	/** available = budget - reserved - lapsed */
	static Money available(Money budget, Money reserved, Money lapsed) {
		return budget.minus(reserved).minus(lapsed);
	}

	/**
	 * A reservation must fit into what is still available: the fund never commits more
	 * than its budget.
	 */
	static boolean mayReserve(Money available, Money amount) {
		return amount.isPositive() && !amount.isGreaterThan(available);
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
		return amount.isPositive() && !netPaid.plus(amount).isGreaterThan(reservedForApplication);
	}

	/** Only money that was paid out (and not refunded yet) can come back. */
	static boolean mayRefund(Money netPaid, Money amount) {
		return amount.isPositive() && !amount.isGreaterThan(netPaid);
	}

}
