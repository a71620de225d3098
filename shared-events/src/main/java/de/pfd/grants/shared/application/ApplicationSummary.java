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
		OrganisationId organisationId, GrantProgress grantProgress, OfficeFacts office) {

	/**
	 * The money reserved (or waiting), the grant notice issued and confirmed, the day the
	 * money paid out must be spent by and the proof of use is due.
	 */
	public record GrantProgress(boolean fundsReserved, Instant noticeIssuedAt, Instant noticeConfirmedAt,
			LocalDate spendBy, LocalDate proofOfUseDueOn) {
	}

	/** An application in a list, without the office's facts. */
	public ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
			ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version,
			OrganisationId organisationId, GrantProgress grantProgress) {
		this(id, fundId, organisation, title, status, requestedAmount, submittedAt, daysInStatus, version,
				organisationId, grantProgress, null);
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

	/**
	 * What the office needs to see what waits for it, without reading each application
	 * (only for readers of the whole partnership, staff and auditors; null for applicants
	 * and members): since when it is in its status, the open vote's procedure and
	 * deadline ({@code voteProcedure} null without an open vote), the payouts requested,
	 * paid and certified but not yet released (four eyes) with the oldest certification,
	 * the last payout request, when the proof of use came in, and the amount approved
	 * (null before an approval).
	 */
	public record OfficeFacts(Instant statusSince, String voteProcedure, Instant voteClosesAt, Money requestedPayouts,
			Money paid, Money pendingPayouts, Instant pendingSince, Instant lastPayoutRequestAt,
			Instant proofOfUseSubmittedAt, Money approvedAmount) {
	}

}
