package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * Staff reverse a wrongly recorded payout ({@code refund} false) or refund by a
 * compensating booking, with a reason; nothing is edited or deleted.
 */
public record ReversePaymentCommand(@TargetAggregateIdentifier ApplicationId applicationId, boolean refund,
		String paymentId, String reason) {
}
