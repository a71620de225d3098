package de.pfd.grants.command.partnership;

import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/** Every partnership with the same settings, as a test sets them. */
public final class FixedPartnerships implements Partnerships {

	private PartnershipSettings settings;

	private FixedPartnerships(PartnershipSettings settings) {
		this.settings = settings;
	}

	/** Four eyes on, as a partnership that never changed its settings. */
	public static FixedPartnerships withFourEyes() {
		return new FixedPartnerships(PartnershipSettings.DEFAULTS);
	}

	/** Four eyes turned off: a payout is booked as it is recorded. */
	public static FixedPartnerships withoutFourEyes() {
		return new FixedPartnerships(new PartnershipSettings(false, 21));
	}

	@Override
	public PartnershipSettings settings(PartnershipId partnershipId) {
		return this.settings;
	}

}
