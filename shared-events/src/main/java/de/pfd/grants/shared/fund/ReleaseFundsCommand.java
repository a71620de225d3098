package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Give back all (amount null) or part of an application's reservation. With a
 * {@code releaseId} the same release is booked once however often it is sent.
 */
public record ReleaseFundsCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId, Money amount,
		String reason, String releaseId) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public ReleaseFundsCommand {
	}

	public ReleaseFundsCommand(FundId fundId, ApplicationId applicationId, Money amount, String reason) {
		this(fundId, applicationId, amount, reason, null);
	}

}
