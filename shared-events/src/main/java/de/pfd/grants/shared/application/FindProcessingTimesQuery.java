package de.pfd.grants.shared.application;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Backlog and processing time of a fund's formal checks; answered with
 * {@link ProcessingTimes}.
 */
public record FindProcessingTimesQuery(FundId fundId, PartnershipId partnershipId) {
}
