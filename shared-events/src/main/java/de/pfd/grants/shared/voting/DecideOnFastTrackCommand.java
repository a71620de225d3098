package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * A small grant decided by the lead office without a vote; only for requests up to the
 * fund's fast-track limit.
 */
public record DecideOnFastTrackCommand(@TargetAggregateIdentifier ApplicationId applicationId, boolean approve,
		Money approvedAmount, String conditions, String note) {
}
