package de.pfd.grants.shared.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff change the partnership's settings: whether payouts need four eyes (VV zu § 70
 * BHO) and the processing-time target in days (1..365) of the ready → decision KPI.
 */
public record ChangePartnershipSettingsCommand(@TargetAggregateIdentifier PartnershipId partnershipId,
		boolean fourEyesPayouts, int processingTimeTargetDays) {
}
