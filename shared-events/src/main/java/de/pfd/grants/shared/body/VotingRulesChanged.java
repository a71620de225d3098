package de.pfd.grants.shared.body;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VotingRulesChanged(DecisionBodyId bodyId, VotingRules rules) {
}
