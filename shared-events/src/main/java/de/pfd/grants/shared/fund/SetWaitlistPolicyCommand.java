package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff set how the fund serves its waiting list from now on. */
public record SetWaitlistPolicyCommand(@TargetAggregateIdentifier FundId fundId, WaitlistPolicy policy) {
}
