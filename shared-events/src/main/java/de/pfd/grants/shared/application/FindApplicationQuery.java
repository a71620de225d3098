package de.pfd.grants.shared.application;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One application with its history; answered with an optional {@link ApplicationDetail}.
 */
public record FindApplicationQuery(ApplicationId applicationId, PartnershipId partnershipId) {
}
