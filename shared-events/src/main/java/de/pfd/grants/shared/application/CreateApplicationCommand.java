package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Start a draft. The owner is the signed-in applicant; fund terms come from the server.
 */
public record CreateApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId,
		PartnershipId partnershipId, String owner, FundTerms fund, ApplicationContent content) {
}
