package de.pfd.grants.shared.voting;

import java.time.Instant;

/**
 * One member's position in a vote: a choice, or recused (with reason, automatic or
 * declared).
 */
public record VoteView(String username, VoteChoice choice, boolean recused, String reason, boolean automatic,
		Instant at, int round) {
}
