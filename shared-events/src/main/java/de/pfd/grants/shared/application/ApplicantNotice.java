package de.pfd.grants.shared.application;

import java.time.LocalDate;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What a mail to an application's applicant needs to name: the account that created it
 * ({@code owner}), the project title, the fund (type and year) and, for a reminder, the
 * day the proof of use is due ({@code proofOfUseDueOn}, else null). For the system's
 * notifications only: it carries no access rule, so no user ever sees it.
 */
public record ApplicantNotice(ApplicationId applicationId, PartnershipId partnershipId, String owner, String title,
		FundId fundId, FundType fundType, int fundYear, LocalDate proofOfUseDueOn) {
}
