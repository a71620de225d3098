package de.pfd.grants.shared.voting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * Put an application to the vote of its fund's body. The command side snapshots the
 * body's voting members and rules as they are now; members whose organisation is the
 * applicant are recused automatically. A circular vote without {@code closesAt} runs for
 * the body's circular duration.
 */
public record OpenVoteCommand(@TargetAggregateIdentifier ApplicationId applicationId, VoteProcedure procedure,
		Instant closesAt, boolean proposeEarlyStart) {

	/** A proposal that approves no project start before the approval. */
	public OpenVoteCommand(ApplicationId applicationId, VoteProcedure procedure, Instant closesAt) {
		this(applicationId, procedure, closesAt, false);
	}

	/** A circular procedure runs at most this many days. */
	public static final int LONGEST_CIRCULAR_DAYS = 90;

}
