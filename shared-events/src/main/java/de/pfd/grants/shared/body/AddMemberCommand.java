package de.pfd.grants.shared.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a member, or change an existing member's organisation or voting right. */
public record AddMemberCommand(@TargetAggregateIdentifier DecisionBodyId bodyId, Member member) {
}
