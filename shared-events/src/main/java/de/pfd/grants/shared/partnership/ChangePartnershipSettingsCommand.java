package de.pfd.grants.shared.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff change the partnership's settings: whether payouts need four eyes (VV zu § 70
 * BHO), the processing-time target in days (1..365) of the ready → decision KPI, and the
 * retention periods in years (1..30) of grant files and of files never granted (null:
 * unchanged).
 */
public record ChangePartnershipSettingsCommand(@TargetAggregateIdentifier PartnershipId partnershipId,
		boolean fourEyesPayouts, int processingTimeTargetDays, Integer retentionYears,
		Integer unsuccessfulRetentionYears) {

	/** A change that leaves the retention periods as they are. */
	public ChangePartnershipSettingsCommand(PartnershipId partnershipId, boolean fourEyesPayouts,
			int processingTimeTargetDays) {
		this(partnershipId, fourEyesPayouts, processingTimeTargetDays, null, null);
	}

}
