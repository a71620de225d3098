package de.pfd.grants.shared.fund;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff add the next call round of the fund (deadlines ascending, shares up to 100 %).
 */
public record AddCallRoundCommand(@TargetAggregateIdentifier FundId fundId, String name, LocalDate submissionDeadline,
		Integer budgetSharePercent) {
}
