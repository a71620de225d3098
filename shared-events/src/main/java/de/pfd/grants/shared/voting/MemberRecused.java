package de.pfd.grants.shared.voting;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * A member with a conflict of interest: declared, or automatic (the member's organisation
 * applies).
 */
@Revision("1")
public record MemberRecused(ApplicationId applicationId, String username, String reason, boolean automatic) {
}
