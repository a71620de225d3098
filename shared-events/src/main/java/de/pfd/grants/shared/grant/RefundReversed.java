package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A wrongly recorded refund reversed (booked by the fund first), with the reason;
 * {@code stillDue}: what is due on the claim again.
 */
@Revision("1")
public record RefundReversed(ApplicationId applicationId, FundId fundId, String reversalId, String refundId,
		Money amount, String reason, Money stillDue) {
}
