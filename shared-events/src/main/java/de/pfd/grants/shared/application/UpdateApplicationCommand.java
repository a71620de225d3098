package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the content of a draft or of an application returned for revision. */
public record UpdateApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		ApplicationContent content) {
}
