package de.pfd.grants.shared.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

public record EstablishDecisionBodyCommand(@TargetAggregateIdentifier DecisionBodyId bodyId,
		PartnershipId partnershipId, DecisionBodyType type, String name) {
}
