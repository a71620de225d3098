package de.pfd.grants.shared.partnership;

import org.axonframework.serialization.Revision;

/**
 * The partnership's settings as they are from now on: four eyes for payouts (certified by
 * one staff member, released by another) and the processing-time target in days.
 */
@Revision("1")
public record PartnershipSettingsChanged(PartnershipId partnershipId, boolean fourEyesPayouts,
		int processingTimeTargetDays) {
}
