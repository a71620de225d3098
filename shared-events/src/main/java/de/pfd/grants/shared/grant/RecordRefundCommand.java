package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/** Money the applicant paid back on a refund claim; the refund id makes it idempotent. */
public record RecordRefundCommand(@TargetAggregateIdentifier ApplicationId applicationId, String refundId, Money amount,
		LocalDate receivedOn) {
}
