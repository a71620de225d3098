package de.pfd.grants.shared.body;

import java.time.Duration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeVotingRulesCommand(@TargetAggregateIdentifier DecisionBodyId bodyId, int quorumPercent,
		Duration circularDuration) {
}
