package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A fund opened. The week counts (nullable: six weeks) and the receipts' tolerance in
 * days (nullable: 0) were added later in revision 1: events without them read as null, so
 * no upcaster is needed.
 */
@Revision("1")
public record FundOpened(FundId fundId, PartnershipId partnershipId, FundType type, DecisionBodyType decisionBody,
		int year, Money budget, Money perProjectCap, Money fastTrackLimit, Integer spendWithinWeeks,
		Integer proofOfUseDueWeeks, Integer receiptToleranceDays) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public FundOpened {
	}

	public FundOpened(FundId fundId, PartnershipId partnershipId, FundType type, DecisionBodyType decisionBody,
			int year, Money budget, Money perProjectCap, Money fastTrackLimit) {
		this(fundId, partnershipId, type, decisionBody, year, budget, perProjectCap, fastTrackLimit, null, null);
	}

	public FundOpened(FundId fundId, PartnershipId partnershipId, FundType type, DecisionBodyType decisionBody,
			int year, Money budget, Money perProjectCap, Money fastTrackLimit, Integer spendWithinWeeks,
			Integer proofOfUseDueWeeks) {
		this(fundId, partnershipId, type, decisionBody, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, null);
	}

	/** Days a receipt may lie outside the project period: as opened, or 0. */
	public int receiptToleranceDaysOrDefault() {
		return this.receiptToleranceDays == null ? 0 : this.receiptToleranceDays;
	}

	/** Weeks to spend money paid out: as opened, or the default. */
	public int spendWithinWeeksOrDefault() {
		return this.spendWithinWeeks == null ? OpenFundCommand.DEFAULT_WEEKS : this.spendWithinWeeks;
	}

	/**
	 * Weeks after a project's end until its proof of use is due: as opened, or the
	 * default.
	 */
	public int proofOfUseDueWeeksOrDefault() {
		return this.proofOfUseDueWeeks == null ? OpenFundCommand.DEFAULT_WEEKS : this.proofOfUseDueWeeks;
	}

}
