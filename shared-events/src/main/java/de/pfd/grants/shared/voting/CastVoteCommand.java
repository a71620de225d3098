package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

public record CastVoteCommand(@TargetAggregateIdentifier ApplicationId applicationId, String username,
		VoteChoice choice) {
}
