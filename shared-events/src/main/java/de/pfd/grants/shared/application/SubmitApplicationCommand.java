package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit for the formal check; checked against the fund's terms as they are now. */
public record SubmitApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy) {
}
