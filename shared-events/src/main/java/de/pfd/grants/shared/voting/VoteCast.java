package de.pfd.grants.shared.voting;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

/** A member's vote; a later VoteCast of the same member replaces the earlier one. */
@Revision("1")
public record VoteCast(ApplicationId applicationId, String username, VoteChoice choice) {
}
