package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * A wrongly recorded payout reversed by a compensating booking (a negative payout that
 * names the original {@code payoutId}): the money counts as not paid out, its reservation
 * stays.
 */
@Revision("1")
public record PayoutBookingReversed(FundId fundId, ApplicationId applicationId, String reversalId, String payoutId,
		Money amount) {
}
