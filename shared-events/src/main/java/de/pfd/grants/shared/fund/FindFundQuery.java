package de.pfd.grants.shared.fund;

import java.time.Instant;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One fund's figures, now (asOf null) or as they stood at an instant. Scoped to a
 * partnership so that another partnership's fund reads as unknown. Answered with an
 * optional {@link FundBudget}.
 */
public record FindFundQuery(FundId fundId, PartnershipId partnershipId, Instant asOf) {
}
