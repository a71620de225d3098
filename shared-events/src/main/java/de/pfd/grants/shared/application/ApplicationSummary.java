package de.pfd.grants.shared.application;

import java.time.Instant;
import java.time.LocalDate;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;

/**
 * An application in a list. {@code organisation}: the name of the organisation it is
 * filed for (of the surviving one after a merge), or for applications from before
 * organisations had ids the name the applicant wrote; {@code organisationId}: null for
 * those. {@code grantProgress}: how far an approved grant has come (null before an
 * approval), so that a list can show the next step and the deadlines without reading each
 * application.
 */
public record ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
		ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version,
		OrganisationId organisationId, GrantProgress grantProgress) {

	/**
	 * The money reserved (or waiting), the grant notice issued and confirmed, the day the
	 * money paid out must be spent by and the proof of use is due.
	 */
	public record GrantProgress(boolean fundsReserved, Instant noticeIssuedAt, Instant noticeConfirmedAt,
			LocalDate spendBy, LocalDate proofOfUseDueOn) {
	}

	/** An application in a list, without its grant's progress. */
	public ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
			ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version,
			OrganisationId organisationId) {
		this(id, fundId, organisation, title, status, requestedAmount, submittedAt, daysInStatus, version,
				organisationId, null);
	}

	/** An application filed for no organisation known by id. */
	public ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
			ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version) {
		this(id, fundId, organisation, title, status, requestedAmount, submittedAt, daysInStatus, version, null);
	}

}
