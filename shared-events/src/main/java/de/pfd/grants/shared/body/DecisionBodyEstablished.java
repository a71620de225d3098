package de.pfd.grants.shared.body;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

@Revision("1")
public record DecisionBodyEstablished(DecisionBodyId bodyId, PartnershipId partnershipId, DecisionBodyType type,
		String name, VotingRules rules) {
}
