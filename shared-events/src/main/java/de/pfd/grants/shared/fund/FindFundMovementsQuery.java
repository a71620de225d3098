package de.pfd.grants.shared.fund;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Every money movement of a fund in order; answered with a list of {@link FundMovement}.
 */
public record FindFundMovementsQuery(FundId fundId, PartnershipId partnershipId) {
}
