package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A refund booked on a refund claim. {@code reference}: the bank's reference of the
 * transfer (null when none was given, and in events from before it was recorded).
 */
@Revision("1")
public record RefundRecorded(ApplicationId applicationId, FundId fundId, String refundId, Money amount,
		LocalDate receivedOn, Money stillDue, String reference) {

	@JsonCreator
	public RefundRecorded {
	}

	public RefundRecorded(ApplicationId applicationId, FundId fundId, String refundId, Money amount,
			LocalDate receivedOn, Money stillDue) {
		this(applicationId, fundId, refundId, amount, receivedOn, stillDue, null);
	}

}
