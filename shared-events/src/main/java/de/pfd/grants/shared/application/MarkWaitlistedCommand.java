package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the approval process when the fund could not cover the approval. */
public record MarkWaitlistedCommand(@TargetAggregateIdentifier ApplicationId applicationId, int position) {
}
