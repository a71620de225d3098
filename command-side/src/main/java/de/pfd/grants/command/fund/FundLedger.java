package de.pfd.grants.command.fund;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * An application's window on its fund, within the same unit of work: the fund's terms,
 * and the bookings that the fund decides (it refuses anything beyond the application's
 * reservation). A booking the fund refuses fails the whole command, so the application
 * never records money that its fund did not book.
 */
public interface FundLedger {

	/**
	 * The fund's terms now; an unknown fund is refused as bad input of {@code fundId}.
	 */
	FundTerms terms(FundId fundId);

	/** The fund books a payout of the application (idempotent per payout id). */
	void bookPayout(FundId fundId, ApplicationId applicationId, String payoutId, Money amount);

	/**
	 * The fund books money paid back and releases it from the reservation (idempotent per
	 * refund id).
	 */
	void bookRefund(FundId fundId, ApplicationId applicationId, String refundId, Money amount);

	/**
	 * The fund books the compensating booking of a wrongly recorded payout (idempotent
	 * per reversal id).
	 */
	void reversePayout(FundId fundId, ApplicationId applicationId, String reversalId, String payoutId, Money amount);

	/**
	 * The fund books the compensating booking of a wrongly recorded refund and reserves
	 * its money again (idempotent per reversal id).
	 */
	void reverseRefund(FundId fundId, ApplicationId applicationId, String reversalId, String refundId, Money amount);

	/** The fund releases part of the reservation (idempotent per release id). */
	void release(FundId fundId, ApplicationId applicationId, Money amount, String reason, String releaseId);

}
