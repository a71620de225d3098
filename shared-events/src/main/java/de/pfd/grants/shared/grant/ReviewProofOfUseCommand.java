package de.pfd.grants.shared.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Staff accept the proof with the eligible amount (then the grant is settled) or return
 * it for correction.
 */
public record ReviewProofOfUseCommand(@TargetAggregateIdentifier ApplicationId applicationId, boolean accept,
		Money eligibleAmount, String note) {
}
