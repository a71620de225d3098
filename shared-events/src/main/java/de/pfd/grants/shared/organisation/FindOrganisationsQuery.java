package de.pfd.grants.shared.organisation;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The surviving (not merged) organisations of a partnership, by name; with a
 * {@code member}, only those the account belongs to (directly or through a merged
 * duplicate). Answered with a list of {@link OrganisationView}.
 */
public record FindOrganisationsQuery(PartnershipId partnershipId, String member) {
}
