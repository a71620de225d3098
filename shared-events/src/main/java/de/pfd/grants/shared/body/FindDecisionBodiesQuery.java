package de.pfd.grants.shared.body;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The bodies of a partnership with members and rules; answered with a list of
 * {@link DecisionBodyView}.
 */
public record FindDecisionBodiesQuery(PartnershipId partnershipId) {
}
