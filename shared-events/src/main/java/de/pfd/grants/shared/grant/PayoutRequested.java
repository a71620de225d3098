package de.pfd.grants.shared.grant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

@Revision("1")
public record PayoutRequested(ApplicationId applicationId, String requestId, Money amount, String purpose) {
}
