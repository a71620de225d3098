package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		String reason) {
}
