package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

@Revision("1")
public record ProofOfUseReturned(ApplicationId applicationId, String note) {
}
