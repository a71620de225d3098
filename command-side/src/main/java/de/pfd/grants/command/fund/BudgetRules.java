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

	/** Whether a waiting approval fits now: the money, and its call round's share. */
	enum Fit {

		FITS,
		/** the budget would cover it, its round's share does not */
		OVER_SHARE,
		/** the available money does not cover it */
		OVER_BUDGET

	}

	/**
	 * Whether a new approval is funded at once: it must fit, and under strict order
	 * nobody overtakes approvals waiting for the same money ({@code overtakes}: one ahead
	 * waits for the budget, or for the share of the new approval's round). Under first
	 * that fits nothing waiting fits, or it would have been funded already.
	 */
	static boolean mayReserveNew(WaitlistPolicy policy, boolean overtakes, Money available, Money amount) {
		return mayReserve(available, amount) && (policy == WaitlistPolicy.FIRST_THAT_FITS || !overtakes);
	}

	/**
	 * The place in the waiting list (in the order the approvals came) of the next
	 * approval to fund, or -1, given how each fits and its round (null: none). Under
	 * first that fits: the first that fits. Under strict order: the first that fits
	 * unless an approval ahead of it waits for the same money: one over the budget stops
	 * the line, one over its round's share stops the line of its round only (the other
	 * rounds' money is not what it waits for).
	 */
	static int nextToServe(WaitlistPolicy policy, List<Fit> fits, List<Integer> rounds) {
		java.util.Set<Integer> blockedRounds = new java.util.HashSet<>();
		for (int i = 0; i < fits.size(); i++) {
			Fit fit = fits.get(i);
			if (policy == WaitlistPolicy.FIRST_THAT_FITS) {
				if (fit == Fit.FITS) {
					return i;
				}
				continue;
			}
			if (blockedRounds.contains(rounds.get(i))) {
				continue;
			}
			if (fit == Fit.FITS) {
				return i;
			}
			if (fit == Fit.OVER_BUDGET) {
				return -1;
			}
			blockedRounds.add(rounds.get(i));
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
