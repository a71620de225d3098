package de.pfd.grants.shared.partnership;

/**
 * A partnership's settings: four eyes for payouts (on unless turned off) and the
 * processing-time target in days (null: never set, the installation's default applies).
 */
public record PartnershipSettings(boolean fourEyesPayouts, Integer processingTimeTargetDays) {

	/** A partnership that never changed its settings. */
	public static final PartnershipSettings DEFAULTS = new PartnershipSettings(true, null);

}
