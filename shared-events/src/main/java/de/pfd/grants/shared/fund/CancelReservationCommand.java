package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * An application no longer needs its money (withdrawn): release what is reserved and not
 * paid out, or take it off the waiting list. Harmless if there is neither.
 */
public record CancelReservationCommand(@TargetAggregateIdentifier FundId fundId, ApplicationId applicationId,
		String reason) {
}
