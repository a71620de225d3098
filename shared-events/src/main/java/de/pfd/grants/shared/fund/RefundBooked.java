package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

@Revision("1")
public record RefundBooked(FundId fundId, ApplicationId applicationId, String refundId, Money amount) {
}
