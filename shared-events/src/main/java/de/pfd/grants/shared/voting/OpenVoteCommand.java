package de.pfd.grants.shared.voting;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.fund.DecisionBodyType;

/**
 * Put an application to its body's vote. The server snapshots the body's members and
 * rules as they are now; members whose organisation is the applicant are recused
 * automatically.
 */
public record OpenVoteCommand(@TargetAggregateIdentifier ApplicationId applicationId, DecisionBodyType body,
		VoteProcedure procedure, Instant closesAt, List<Member> members, VotingRules rules) {
}
