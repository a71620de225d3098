package de.pfd.grants.shared.application;

import java.time.Instant;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;

/**
 * An application in a list. {@code organisation}: the name of the organisation it is
 * filed for (of the surviving one after a merge), or for applications from before
 * organisations had ids the name the applicant wrote; {@code organisationId}: null for
 * those.
 */
public record ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
		ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version,
		OrganisationId organisationId) {

	/** An application filed for no organisation known by id. */
	public ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
			ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version) {
		this(id, fundId, organisation, title, status, requestedAmount, submittedAt, daysInStatus, version, null);
	}

}
