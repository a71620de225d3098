package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

@Revision("1")
public record FundOpened(FundId fundId, PartnershipId partnershipId, FundType type, DecisionBodyType decisionBody,
		int year, Money budget, Money perProjectCap, Money fastTrackLimit) {
}
