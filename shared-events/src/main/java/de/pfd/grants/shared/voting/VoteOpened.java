package de.pfd.grants.shared.voting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;

/**
 * {@code eligible}: the voting members snapshotted at opening;
 * {@code proposesEarlyStart}: the proposal also approves a project start before the
 * approval (null in events recorded before the field existed: no).
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record VoteOpened(ApplicationId applicationId, int version, DecisionBodyType body, VoteProcedure procedure,
		Instant closesAt, List<Member> eligible, VotingRules rules, Boolean proposesEarlyStart) {

	@JsonCreator
	public VoteOpened {
	}

	public VoteOpened(ApplicationId applicationId, int version, DecisionBodyType body, VoteProcedure procedure,
			Instant closesAt, List<Member> eligible, VotingRules rules) {
		this(applicationId, version, body, procedure, closesAt, eligible, rules, null);
	}

}
