package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * Staff record a member's vote as minuted at a meeting: a choice, or (with
 * {@code recused}) a conflict of interest with its {@code reason}. Only for votes held at
 * a meeting, and only for a member of the voting members snapshotted when the vote
 * opened; in a circular procedure members vote themselves. Who recorded it is in the
 * event's metadata (the acting user).
 */
public record RecordMeetingVoteCommand(@TargetAggregateIdentifier ApplicationId applicationId, String username,
		VoteChoice choice, boolean recused, String reason) {
}
