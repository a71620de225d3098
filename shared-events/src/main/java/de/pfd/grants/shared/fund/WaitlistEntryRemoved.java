package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

@Revision("1")
public record WaitlistEntryRemoved(FundId fundId, ApplicationId applicationId, String reason) {
}
