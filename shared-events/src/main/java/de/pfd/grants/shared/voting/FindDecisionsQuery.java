package de.pfd.grants.shared.voting;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Decisions taken for a fund (or all funds if null); answered with a list of
 * {@link DecisionView}. {@code body} (nullable) limits to the funds that body decides.
 */
public record FindDecisionsQuery(PartnershipId partnershipId, FundId fundId, DecisionBodyType body) {
}
