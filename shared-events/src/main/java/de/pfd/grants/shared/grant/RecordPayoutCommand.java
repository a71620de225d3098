package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Staff record money paid out against the open requests. The fund books it first; the
 * money must be spent within the fund's weeks from the payment.
 */
public record RecordPayoutCommand(@TargetAggregateIdentifier ApplicationId applicationId, String payoutId, Money amount,
		LocalDate paidOn, String reference) {
}
