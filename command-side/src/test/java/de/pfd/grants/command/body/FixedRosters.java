package de.pfd.grants.command.body;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * {@link Rosters} for aggregate tests: one fixed roster per body type, whatever the
 * partnership; a type without a roster is refused like a body that is not established.
 * Remembers which bodies were asked for.
 */
public class FixedRosters implements Rosters {

	private final Map<DecisionBodyType, Roster> rosters = new EnumMap<>(DecisionBodyType.class);

	private final List<DecisionBodyId> asked = new ArrayList<>();

	/** The body of this type has this roster (from now on). */
	public FixedRosters with(DecisionBodyType type, Roster roster) {
		this.rosters.put(type, roster);
		return this;
	}

	@Override
	public Roster of(PartnershipId partnershipId, DecisionBodyType type) {
		this.asked.add(DecisionBodyId.of(partnershipId, type));
		Roster roster = this.rosters.get(type);
		if (roster == null) {
			throw new RuleViolationException(ErrorCode.CONFLICT,
					"Das Gremium ist nicht eingerichtet / the deciding body does not exist");
		}
		return roster;
	}

	/** The bodies whose roster was asked for, in order. */
	public List<DecisionBodyId> asked() {
		return List.copyOf(this.asked);
	}

}
