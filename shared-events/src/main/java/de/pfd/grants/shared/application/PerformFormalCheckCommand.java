package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff's formal check of a submitted application; RETURNED and REJECTED need a note. */
public record PerformFormalCheckCommand(@TargetAggregateIdentifier ApplicationId applicationId,
		FormalCheckOutcome outcome, String note) {
}
