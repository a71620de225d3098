package de.pfd.grants.command.body;

import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.body.DecisionBodyEstablished;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.MemberRemoved;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.body.VotingRulesChanged;
import de.pfd.grants.shared.partnership.PartnershipId;

/** Builders for the bodies of Kreis Mettmann: their events and their rosters. */
public final class Bodies {

	public static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

	public static final DecisionBodyId BOARD = DecisionBodyId.of(PARTNERSHIP, DecisionBodyType.STEERING_BOARD);

	private Bodies() {
	}

	public static DecisionBodyEstablished established() {
		return established(DecisionBodyType.STEERING_BOARD, VotingRules.defaults());
	}

	public static DecisionBodyEstablished established(DecisionBodyType type, VotingRules rules) {
		return new DecisionBodyEstablished(DecisionBodyId.of(PARTNERSHIP, type), PARTNERSHIP, type,
				type == DecisionBodyType.STEERING_BOARD ? "Begleitausschuss Kreis Mettmann" : "Jugendforum", rules);
	}

	public static Member anna() {
		return new Member("anna", "Anna Beispiel", "Demokratie leben e.V.", true);
	}

	/**
	 * The roster of a body of Kreis Mettmann with these members (voting or advisory) and
	 * rules, as the decision body itself gives it out.
	 */
	public static Roster roster(DecisionBodyType type, List<Member> members, VotingRules rules) {
		DecisionBodyEstablished established = established(type, rules);
		List<Object> events = new ArrayList<>(List.of(established));
		members.forEach(member -> events.add(new MemberAdded(established.bodyId(), member)));
		return sourcedFrom(events.toArray()).roster();
	}

	/** A decision body as its event-sourcing handlers leave it after these events. */
	public static DecisionBody sourcedFrom(Object... events) {
		DecisionBody body = new DecisionBody();
		for (Object event : events) {
			if (event instanceof DecisionBodyEstablished established) {
				body.on(established);
			}
			else if (event instanceof MemberAdded added) {
				body.on(added);
			}
			else if (event instanceof MemberRemoved removed) {
				body.on(removed);
			}
			else {
				body.on((VotingRulesChanged) event);
			}
		}
		return body;
	}

}
