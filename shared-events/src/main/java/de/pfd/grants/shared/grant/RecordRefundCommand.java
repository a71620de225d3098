package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Money the applicant paid back on a refund claim; the refund id makes it idempotent.
 * {@code reference}: the bank's reference of the transfer (optional).
 */
public record RecordRefundCommand(@TargetAggregateIdentifier ApplicationId applicationId, String refundId, Money amount,
		LocalDate receivedOn, String reference) {

	@JsonCreator
	public RecordRefundCommand {
	}

	public RecordRefundCommand(ApplicationId applicationId, String refundId, Money amount, LocalDate receivedOn) {
		this(applicationId, refundId, amount, receivedOn, null);
	}

}
