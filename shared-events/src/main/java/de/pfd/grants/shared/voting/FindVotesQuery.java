package de.pfd.grants.shared.voting;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/** The individual votes and recusals on an application (staff and auditors only). */
public record FindVotesQuery(ApplicationId applicationId, PartnershipId partnershipId) {
}
