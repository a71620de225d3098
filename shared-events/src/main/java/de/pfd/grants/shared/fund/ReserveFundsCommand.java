package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Bind money of the fund to an approved application. With {@code waitlistIfShort} an
 * approval the fund cannot cover joins the waiting list instead of being refused.
 * {@code round}: the call round of the approved application (null without rounds); its
 * money counts in that round's share.
 */
public record ReserveFundsCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, Money amount,
		boolean waitlistIfShort, Integer round) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public ReserveFundsCommand {
	}

	public ReserveFundsCommand(FundId fundId, ApplicationId applicationId, Money amount) {
		this(fundId, applicationId, amount, false, null);
	}

	public ReserveFundsCommand(FundId fundId, ApplicationId applicationId, Money amount, boolean waitlistIfShort) {
		this(fundId, applicationId, amount, waitlistIfShort, null);
	}

}
