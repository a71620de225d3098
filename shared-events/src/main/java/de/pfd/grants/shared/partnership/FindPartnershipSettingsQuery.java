package de.pfd.grants.shared.partnership;

/**
 * The settings of a partnership; answered with {@link PartnershipSettings} (its
 * {@code processingTimeTargetDays} null when the partnership never set it).
 */
public record FindPartnershipSettingsQuery(PartnershipId partnershipId) {
}
