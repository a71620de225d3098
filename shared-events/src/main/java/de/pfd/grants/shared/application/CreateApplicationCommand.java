package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Start a draft for a fund of the applicant's partnership, filed for one of the
 * applicant's organisations (the access policy has checked that the applicant belongs to
 * it). The owner is the signed-in applicant; the fund's terms are looked up by the
 * command side itself.
 */
public record CreateApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId,
		PartnershipId partnershipId, String owner, FundId fundId, ApplicationContent content,
		OrganisationId organisationId) {

	/** A draft filed for no organisation known by id (only the name in the content). */
	public CreateApplicationCommand(ApplicationId applicationId, PartnershipId partnershipId, String owner,
			FundId fundId, ApplicationContent content) {
		this(applicationId, partnershipId, owner, fundId, content, null);
	}

}
