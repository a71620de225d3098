package de.pfd.grants.shared.fund;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * All funds of one partnership with their figures; answered with a list of
 * {@link FundBudget}.
 */
public record FindFundsQuery(PartnershipId partnershipId) {
}
