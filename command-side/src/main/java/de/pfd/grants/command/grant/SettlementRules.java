package de.pfd.grants.command.grant;

import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.ReceiptTotals;
import de.pfd.grants.shared.money.Money;

/** How a grant is settled after its proof of use, as plain functions. */
final class SettlementRules {

	private SettlementRules() {
	}

	/** The grant is what was approved or what was eligibly spent, whichever is less. */
	static Money finalGrant(Money approved, Money eligible) {
		return Money.min(approved, eligible);
	}

	/**
	 * What goes back to the fund now: approved money that is neither granted nor paid
	 * out. Paid money beyond the final grant stays bound until it is refunded.
	 */
	static Money releasedAtSettlement(Money approved, Money finalGrant, Money paid) {
		Money bound = finalGrant.isGreaterThan(paid) ? finalGrant : paid;
		Money rest = approved.minus(bound);
		return rest.isNegative() ? Money.ZERO : rest;
	}

	/**
	 * Paid beyond the final grant: a refund claim. An overspend is the applicant's own
	 * money.
	 */
	static Money refundDue(Money finalGrant, Money paid) {
		Money over = paid.minus(finalGrant);
		return over.isNegative() ? Money.ZERO : over;
	}

	/**
	 * A receipt belongs to the project: dated inside its period (start..end), give or
	 * take the fund's tolerance in days.
	 */
	static boolean datedWithinProject(LocalDate date, LocalDate start, LocalDate end, int toleranceDays) {
		return (start == null || !date.isBefore(start.minusDays(toleranceDays)))
				&& (end == null || !date.isAfter(end.plusDays(toleranceDays)));
	}

	/**
	 * What stays reserved for a settled grant: the final grant, or what was paid out if
	 * more, less what was refunded already (refunds are released as they arrive).
	 */
	static Money boundAfterSettlement(Money finalGrant, Money paid, Money refunded) {
		return (finalGrant.isGreaterThan(paid) ? finalGrant : paid).minus(refunded);
	}

	/** Income lines are negative; costs positive (see {@link ReceiptTotals}). */
	static Money totalCosts(List<Receipt> receipts) {
		return ReceiptTotals.of(receipts).costs();
	}

	static Money totalIncome(List<Receipt> receipts) {
		return ReceiptTotals.of(receipts).income();
	}

}
