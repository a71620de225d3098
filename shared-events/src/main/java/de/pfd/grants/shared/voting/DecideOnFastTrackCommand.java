package de.pfd.grants.shared.voting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * A small grant decided by the lead office without a vote; only for requests up to the
 * fund's fast-track limit. {@code approveEarlyStart}: an approval also approves a project
 * start before the approval (vorzeitiger Maßnahmebeginn).
 */
public record DecideOnFastTrackCommand(@TargetAggregateIdentifier ApplicationId applicationId, boolean approve,
		Money approvedAmount, String conditions, String note, boolean approveEarlyStart) {

	public DecideOnFastTrackCommand(ApplicationId applicationId, boolean approve, Money approvedAmount,
			String conditions, String note) {
		this(applicationId, approve, approvedAmount, conditions, note, false);
	}

}
