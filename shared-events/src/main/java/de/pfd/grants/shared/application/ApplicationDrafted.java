package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

@Revision("1")
public record ApplicationDrafted(ApplicationId applicationId, PartnershipId partnershipId, FundId fundId, String owner,
		ApplicationContent content) {
}
