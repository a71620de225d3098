package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Start a draft for a fund of the applicant's partnership. The owner is the signed-in
 * applicant; the fund's terms are looked up by the command side itself.
 */
public record CreateApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId,
		PartnershipId partnershipId, String owner, FundId fundId, ApplicationContent content) {
}
