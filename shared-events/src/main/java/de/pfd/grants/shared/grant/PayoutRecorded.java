package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/** Money paid out; it must be spent by {@code spendBy}. */
@Revision("1")
public record PayoutRecorded(ApplicationId applicationId, FundId fundId, String payoutId, Money amount,
		LocalDate paidOn, String reference, LocalDate spendBy) {
}
