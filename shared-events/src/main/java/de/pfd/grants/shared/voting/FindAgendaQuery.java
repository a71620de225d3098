package de.pfd.grants.shared.voting;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A member's agenda: the open votes of the member's body; answered with a list of
 * {@link AgendaItem}.
 */
public record FindAgendaQuery(PartnershipId partnershipId, DecisionBodyType body, String username) {
}
