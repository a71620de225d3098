package de.pfd.grants.shared.organisation;

import org.axonframework.serialization.Revision;

/**
 * A duplicate organisation was merged into another one of the partnership: from now on
 * the duplicate's id resolves to {@code into} (for listing, membership and recusal); the
 * history keeps both ids.
 */
@Revision("1")
public record OrganisationMerged(OrganisationId organisationId, OrganisationId into) {
}
