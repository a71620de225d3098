package de.pfd.grants.command.body;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The rosters of a partnership's bodies, read from the deciding aggregate within the unit
 * of work of the command that needs them.
 */
public interface Rosters {

	/** The body's roster now; a body that is not established is refused as a conflict. */
	Roster of(PartnershipId partnershipId, DecisionBodyType type);

}
