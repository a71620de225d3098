package de.pfd.grants.shared.organisation;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One organisation of the partnership, also a merged duplicate (then with
 * {@code mergedInto}); answered with an optional {@link OrganisationView}.
 */
public record FindOrganisationQuery(OrganisationId organisationId, PartnershipId partnershipId) {
}
