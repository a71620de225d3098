package de.pfd.grants.command.partnership;

import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/**
 * The partnerships' settings as their aggregates know them, read within the unit of work
 * of the command that needs them (never from a projection).
 */
public interface Partnerships {

	/** The settings of the partnership; an unknown partnership has the defaults. */
	PartnershipSettings settings(PartnershipId partnershipId);

}
