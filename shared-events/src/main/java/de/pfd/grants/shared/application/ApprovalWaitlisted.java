package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

/**
 * Approved, but the fund cannot cover it now: waiting at {@code position} for released
 * money.
 */
@Revision("1")
public record ApprovalWaitlisted(ApplicationId applicationId, int position) {
}
