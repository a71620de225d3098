package de.pfd.grants.shared.voting;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * An open vote as a member sees it: the version voted on with its cost plan, and the own
 * vote. {@code automatic}: the member's recusal was found at the opening (the member's
 * organisation applies), not declared; {@code recusalReason}: the reason recorded with
 * the recusal (both null when the member is not recused).
 */
public record AgendaItem(ApplicationId applicationId, FundId fundId, String title, String organisation,
		Money requestedAmount, int version, VoteProcedure procedure, Instant closesAt, ApplicationContent content,
		VoteChoice ownVote, boolean recused, boolean eligible, Boolean automatic, String recusalReason) {

	/** An item without what is known of the recusal. */
	public AgendaItem(ApplicationId applicationId, FundId fundId, String title, String organisation,
			Money requestedAmount, int version, VoteProcedure procedure, Instant closesAt, ApplicationContent content,
			VoteChoice ownVote, boolean recused, boolean eligible) {
		this(applicationId, fundId, title, organisation, requestedAmount, version, procedure, closesAt, content,
				ownVote, recused, eligible, null, null);
	}

}
