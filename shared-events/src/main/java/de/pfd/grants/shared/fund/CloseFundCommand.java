package de.pfd.grants.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Year-end closing: the unreserved rest lapses and nothing more is reserved. */
public record CloseFundCommand(@TargetAggregateIdentifier FundId fundId) {
}
