package de.pfd.grants.command.fund;

import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What an application is decided against, as its fund knows it now: the partnership, the
 * year, the money, the cap and fast-track limit, the deadlines in weeks, whether the fund
 * is open, and its call rounds (in their order, none for a fund that takes applications
 * all year). Read from the fund aggregate on the command side, never from a client or a
 * projection.
 */
public record FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
		Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open,
		int receiptToleranceDays, List<CallRound> rounds) {

	public FundTerms {
		rounds = rounds == null ? List.of() : List.copyOf(rounds);
	}

	/** Terms of a fund without call rounds and without a tolerance for receipts. */
	public FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open) {
		this(fundId, partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, open, 0, List.of());
	}

	/** Terms of a fund without call rounds. */
	public FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open,
			int receiptToleranceDays) {
		this(fundId, partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, open, receiptToleranceDays, List.of());
	}

	/** Terms of a fund without a tolerance for receipts. */
	public FundTerms(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, int spendWithinWeeks, int proofOfUseDueWeeks, boolean open,
			List<CallRound> rounds) {
		this(fundId, partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, open, 0, rounds);
	}

	/**
	 * The call round an application submitted on this day belongs to: the first whose
	 * deadline is not before it; null without rounds or after the last deadline.
	 */
	public Integer roundOf(LocalDate submittedOn) {
		return this.rounds.stream()
			.filter(r -> !r.submissionDeadline().isBefore(submittedOn))
			.map(CallRound::number)
			.findFirst()
			.orElse(null);
	}

}
