package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;

/** Withdrawn by the applicant; any money reserved for it goes back to the fund. */
@Revision("1")
public record ApplicationWithdrawn(ApplicationId applicationId, FundId fundId, ApplicationStatus previousStatus,
		String reason) {
}
