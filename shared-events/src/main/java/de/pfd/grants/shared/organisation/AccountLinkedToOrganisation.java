package de.pfd.grants.shared.organisation;

import org.axonframework.serialization.Revision;

/**
 * An account belongs to the organisation from now on: it may file applications for it and
 * sees it among its organisations.
 */
@Revision("1")
public record AccountLinkedToOrganisation(OrganisationId organisationId, String username) {
}
