package de.pfd.grants.shared.voting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;

/** {@code eligible}: the voting members snapshotted at opening. */
@Revision("1")
public record VoteOpened(ApplicationId applicationId, int version, DecisionBodyType body, VoteProcedure procedure,
		Instant closesAt, List<Member> eligible, VotingRules rules) {
}
