package de.pfd.grants.shared.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveMemberCommand(@TargetAggregateIdentifier DecisionBodyId bodyId, String username) {
}
