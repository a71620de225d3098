package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * The project of an approved grant was cancelled (by the applicant or by staff) with a
 * reason. {@code released}: reserved money not paid out, returned to the fund now;
 * {@code refundDue}: all money paid out and not yet refunded becomes a refund claim,
 * arising on {@code cancelledOn}; its reservation is released as refunds arrive.
 */
@Revision("1")
public record GrantCancelled(ApplicationId applicationId, FundId fundId, String reason, String cancelledBy,
		LocalDate cancelledOn, Money paid, Money released, Money refundDue) {
}
