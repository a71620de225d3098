package de.pfd.grants.shared.body;

import java.util.List;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

public record DecisionBodyView(DecisionBodyId id, PartnershipId partnershipId, DecisionBodyType type, String name,
		VotingRules rules, List<Member> members) {
}
