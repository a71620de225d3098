package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A payout certified "sachlich und rechnerisch richtig" by {@code certifiedBy}: nothing
 * is booked on the fund until another staff member releases it (four eyes, VV zu § 70
 * BHO); then it is {@link PayoutRecorded} with the same payout id.
 */
@Revision("1")
public record PayoutCertified(ApplicationId applicationId, FundId fundId, String payoutId, Money amount,
		LocalDate paidOn, String reference, String certifiedBy) {
}
