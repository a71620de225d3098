package de.pfd.grants.shared.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account belongs to the organisation (a second link changes nothing). */
public record LinkAccountToOrganisationCommand(@TargetAggregateIdentifier OrganisationId organisationId,
		String username) {
}
