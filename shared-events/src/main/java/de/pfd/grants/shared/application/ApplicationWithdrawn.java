package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.DataSubject;

/** Withdrawn by the applicant; any money reserved for it goes back to the fund. */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record ApplicationWithdrawn(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId, FundId fundId,
		ApplicationStatus previousStatus, @PersonalData String reason) {
}
