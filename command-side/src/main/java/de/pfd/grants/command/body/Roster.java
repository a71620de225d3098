package de.pfd.grants.command.body;

import java.util.List;

import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;

/** A body's voting members and its voting rules: what a vote snapshots when it opens. */
public record Roster(DecisionBodyId bodyId, List<Member> votingMembers, VotingRules rules) {
}
