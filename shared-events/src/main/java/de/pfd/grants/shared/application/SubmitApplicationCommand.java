package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		FundTerms fund) {
}
