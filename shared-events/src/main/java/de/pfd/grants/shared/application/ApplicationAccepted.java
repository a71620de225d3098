package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

/**
 * The formal check found the submitted version complete and eligible: ready for the
 * decision.
 */
@Revision("1")
public record ApplicationAccepted(ApplicationId applicationId, int version, String note) {
}
