package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

@Revision("1")
public record RefundRecorded(ApplicationId applicationId, FundId fundId, String refundId, Money amount,
		LocalDate receivedOn, Money stillDue) {
}
