package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/** Open a partnership's fund for a year. Cap and fast-track limit are optional (null). */
public record OpenFundCommand(@TargetAggregateIdentifier FundId fundId, PartnershipId partnershipId, FundType type,
		int year, Money budget, Money perProjectCap, Money fastTrackLimit) {

	public OpenFundCommand(PartnershipId partnershipId, FundType type, int year, Money budget, Money perProjectCap,
			Money fastTrackLimit) {
		this(FundId.of(partnershipId, type, year), partnershipId, type, year, budget, perProjectCap, fastTrackLimit);
	}

}
