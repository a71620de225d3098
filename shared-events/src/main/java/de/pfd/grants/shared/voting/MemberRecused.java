package de.pfd.grants.shared.voting;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * A member with a conflict of interest: declared, or automatic (the member's organisation
 * applies).
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record MemberRecused(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId, String username,
		@PersonalData String reason, boolean automatic) {
}
