package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/** A wrongly recorded payout reversed (booked by the fund first), with the reason. */
@Revision("1")
public record PayoutReversed(ApplicationId applicationId, FundId fundId, String reversalId, String payoutId,
		Money amount, String reason) {
}
