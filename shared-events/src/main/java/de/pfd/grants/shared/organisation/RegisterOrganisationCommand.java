package de.pfd.grants.shared.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Register an organisation of the partnership; {@code firstMember}, if given, is the
 * account that belongs to it from the start (an applicant registering their own).
 */
public record RegisterOrganisationCommand(@TargetAggregateIdentifier OrganisationId organisationId,
		PartnershipId partnershipId, String name, LegalForm legalForm, String address, String contactName, String email,
		String firstMember) {
}
