package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Open a partnership's fund for a year. Cap and fast-track limit are optional (null);
 * money paid out must be spent within {@code spendWithinWeeks} and the proof of use is
 * due {@code proofOfUseDueWeeks} after a project ends (null: {@link #DEFAULT_WEEKS}).
 */
public record OpenFundCommand(@TargetAggregateIdentifier FundId fundId, PartnershipId partnershipId, FundType type,
		int year, Money budget, Money perProjectCap, Money fastTrackLimit, Integer spendWithinWeeks,
		Integer proofOfUseDueWeeks, Integer receiptToleranceDays) {

	/** Six weeks: for spending paid-out money and for handing in the proof of use. */
	public static final int DEFAULT_WEEKS = 6;

	@JsonCreator
	public OpenFundCommand {
		// the id is derived, never chosen: one fund per partnership, type and year
		if (!fundId.equals(FundId.of(partnershipId, type, year))) {
			throw new IllegalArgumentException("fund id does not match partnership, type and year");
		}
	}

	public OpenFundCommand(FundId fundId, PartnershipId partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, Integer spendWithinWeeks, Integer proofOfUseDueWeeks) {
		this(fundId, partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks,
				proofOfUseDueWeeks, null);
	}

	/**
	 * {@code receiptToleranceDays}: receipts of a proof of use may be dated this many
	 * days before the project's start or after its end (null: 0).
	 */
	public OpenFundCommand(PartnershipId partnershipId, FundType type, int year, Money budget, Money perProjectCap,
			Money fastTrackLimit, Integer spendWithinWeeks, Integer proofOfUseDueWeeks, Integer receiptToleranceDays) {
		this(FundId.of(partnershipId, type, year), partnershipId, type, year, budget, perProjectCap, fastTrackLimit,
				spendWithinWeeks, proofOfUseDueWeeks, receiptToleranceDays);
	}

	public OpenFundCommand(PartnershipId partnershipId, FundType type, int year, Money budget, Money perProjectCap,
			Money fastTrackLimit, Integer spendWithinWeeks, Integer proofOfUseDueWeeks) {
		this(partnershipId, type, year, budget, perProjectCap, fastTrackLimit, spendWithinWeeks, proofOfUseDueWeeks,
				null);
	}

	public OpenFundCommand(PartnershipId partnershipId, FundType type, int year, Money budget, Money perProjectCap,
			Money fastTrackLimit) {
		this(partnershipId, type, year, budget, perProjectCap, fastTrackLimit, null, null);
	}

}
