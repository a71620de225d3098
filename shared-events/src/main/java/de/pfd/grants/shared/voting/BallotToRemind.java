package de.pfd.grants.shared.voting;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A member's ballot still open in a circular vote: what a reminder names (the project,
 * the fund, the deadline) and when the vote opened. {@code round} tells the vote's rounds
 * apart (a vote put again after no decision is a new round).
 */
public record BallotToRemind(ApplicationId applicationId, PartnershipId partnershipId, long round, String username,
		String title, FundType fundType, int fundYear, Instant openedAt, Instant closesAt) {
}
