package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.money.Money;

/** Sent by the approval process when the fund has reserved the approved money. */
public record MarkFundsReservedCommand(@TargetAggregateIdentifier ApplicationId applicationId, Money amount) {
}
