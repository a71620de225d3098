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

	/** Money paid out must be spent within the fund's weeks from the payment. */
	static LocalDate spendBy(LocalDate paidOn, int spendWithinWeeks) {
		return paidOn.plusWeeks(spendWithinWeeks);
	}

	/** The proof of use is due the fund's weeks after the project's end. */
	static LocalDate proofOfUseDueOn(LocalDate projectEnd, int proofOfUseDueWeeks) {
		return projectEnd.plusWeeks(proofOfUseDueWeeks);
	}

}
