package de.pfd.grants.command.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import de.pfd.grants.shared.fund.WaitlistPolicy;
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

	/**
	 * Whether a new approval is funded at once: it must fit, and under strict order
	 * nobody overtakes approvals already waiting. (Under first that fits nothing waiting
	 * fits, or it would have been funded already.)
	 */
	static boolean mayReserveNew(WaitlistPolicy policy, boolean othersWaiting, Money available, Money amount) {
		return mayReserve(available, amount) && (policy == WaitlistPolicy.FIRST_THAT_FITS || !othersWaiting);
	}

	/**
	 * The place in the waiting list (in the order the approvals came) of the next
	 * approval to fund, or -1, given whether each fits (the money and its round's share):
	 * under strict order the first one if it fits, under first that fits the first one
	 * that fits.
	 */
	static int nextToServe(WaitlistPolicy policy, List<Boolean> fits) {
		for (int i = 0; i < fits.size(); i++) {
			if (fits.get(i)) {
				return i;
			}
			if (policy == WaitlistPolicy.STRICT_ORDER) {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Call rounds: what rounds 1..n have reserved, with this amount, stays within their
	 * cumulative share of the budget (cents rounded down), so what a round leaves goes to
	 * the next.
	 */
	static boolean withinShare(Money budget, int cumulativeSharePercent, Money reservedInRounds, Money amount) {
		Money share = Money.of(budget.amount()
			.multiply(BigDecimal.valueOf(cumulativeSharePercent))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
		return !reservedInRounds.plus(amount).isGreaterThan(share);
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
