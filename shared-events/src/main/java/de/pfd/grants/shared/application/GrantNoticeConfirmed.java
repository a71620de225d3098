package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantNoticeConfirmed(ApplicationId applicationId) {
}
