package de.pfd.grants.shared.application;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Application summaries of a partnership. {@code owner} limits to one applicant's own,
 * {@code decisionBody} to applications before that body (not drafts); fund and status
 * filter. Answered with a list of {@link ApplicationSummary}.
 */
public record FindApplicationsQuery(PartnershipId partnershipId, String owner, DecisionBodyType decisionBody,
		FundId fundId, ApplicationStatus status) {
}
