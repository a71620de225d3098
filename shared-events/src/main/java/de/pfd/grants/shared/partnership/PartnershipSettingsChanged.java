package de.pfd.grants.shared.partnership;

import org.axonframework.serialization.Revision;

/**
 * The partnership's settings as they are from now on: four eyes for payouts (certified by
 * one staff member, released by another), the processing-time target in days and the
 * retention periods in years. The retention periods are null in events written before
 * there was a retention rule (and while never set): the defaults of
 * {@link PartnershipSettings} apply.
 */
@Revision("1")
public record PartnershipSettingsChanged(PartnershipId partnershipId, boolean fourEyesPayouts,
		int processingTimeTargetDays, Integer retentionYears, Integer unsuccessfulRetentionYears) {

	/** Settings without a retention rule (as before there was one). */
	public PartnershipSettingsChanged(PartnershipId partnershipId, boolean fourEyesPayouts,
			int processingTimeTargetDays) {
		this(partnershipId, fourEyesPayouts, processingTimeTargetDays, null, null);
	}

}
