package de.pfd.grants.shared.voting;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * An open vote as a member sees it: the version voted on with its cost plan, and the own
 * vote.
 */
public record AgendaItem(ApplicationId applicationId, FundId fundId, String title, String organisation,
		Money requestedAmount, int version, VoteProcedure procedure, Instant closesAt, ApplicationContent content,
		VoteChoice ownVote, boolean recused, boolean eligible) {
}
