package de.pfd.grants.command.fund;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What an application is decided against, as its fund knows it now: the partnership, the
 * year, the money, the cap and fast-track limit, the deadlines in weeks, and whether the
 * fund is open. Read from the fund aggregate on the command side, never from a client or
 * a projection.
 */
public record FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
		Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open,
		int receiptToleranceDays) {

	/** Terms without a tolerance for receipts outside the project period. */
	public FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open) {
		this(fundId, partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, open, 0);
	}

}
