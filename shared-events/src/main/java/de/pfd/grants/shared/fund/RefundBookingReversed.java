package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * A wrongly recorded refund reversed by a compensating booking (a negative refund that
 * names the original {@code refundId}): the money counts as paid out again, and what its
 * arrival released is reserved for the application again.
 */
@Revision("1")
public record RefundBookingReversed(FundId fundId, ApplicationId applicationId, String reversalId, String refundId,
		Money amount) {
}
