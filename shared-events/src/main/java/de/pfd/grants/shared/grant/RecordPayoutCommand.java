package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Staff record money paid out against the open requests; it must be spent within
 * {@code spendWithinWeeks} (the fund's rule) of the payment.
 */
public record RecordPayoutCommand(@TargetAggregateIdentifier ApplicationId applicationId, String payoutId, Money amount,
		LocalDate paidOn, String reference, int spendWithinWeeks) {
}
