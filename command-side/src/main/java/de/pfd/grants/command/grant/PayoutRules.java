package de.pfd.grants.command.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.money.Money;

/**
 * How the money of an approved grant is requested and paid, as plain functions. Whether
 * the fund can pay is the fund's own decision (its reservation for the application).
 */
final class PayoutRules {

	private PayoutRules() {
	}

	/** Requests never exceed the approved amount minus what was requested already. */
	static Money openForRequest(Money approved, Money requested) {
		return approved.minus(requested);
	}

	/**
	 * Payouts never exceed what was requested and not yet paid; after the settlement the
	 * rest of the final grant is paid without a request.
	 */
	static Money openForPayout(Money requested, Money paid, Money finalGrantAfterSettlement) {
		return finalGrantAfterSettlement != null ? finalGrantAfterSettlement.minus(paid) : requested.minus(paid);
	}

	/**
	 * Payouts only on request: what the open requests still cover once the payouts that
	 * are certified and not yet released are counted as paid.
	 */
	static Money openForPayout(Money requested, Money paid, Money pendingCertified, Money finalGrantAfterSettlement) {
		return openForPayout(requested, paid.plus(pendingCertified), finalGrantAfterSettlement);
	}

	/**
	 * A value date (payment or receipt of money) is plausible from {@code notBefore} (the
	 * day the grant notice was confirmed, or of the first payout) up to today, never in
	 * the future.
	 */
	static boolean plausibleValueDate(LocalDate date, LocalDate notBefore, LocalDate today) {
		return !date.isAfter(today) && (notBefore == null || !date.isBefore(notBefore));
	}

	/** Money paid out must be spent within the fund's weeks from the payment. */
	static LocalDate spendBy(LocalDate paidOn, int spendWithinWeeks) {
		return paidOn.plusWeeks(spendWithinWeeks);
	}

	/** The proof of use is due the fund's weeks after the project's end. */
	static LocalDate proofOfUseDueOn(LocalDate projectEnd, int proofOfUseDueWeeks) {
		return projectEnd.plusWeeks(proofOfUseDueWeeks);
	}

}
