package de.pfd.grants.shared.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merge the duplicate {@code organisationId} into the surviving {@code into}. */
public record MergeOrganisationCommand(@TargetAggregateIdentifier OrganisationId organisationId, OrganisationId into) {
}
