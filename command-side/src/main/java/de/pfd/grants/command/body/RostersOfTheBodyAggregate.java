package de.pfd.grants.command.body;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.PartnershipId;

/** Reads the roster from the decision body aggregate itself: never stale. */
@Component
class RostersOfTheBodyAggregate implements Rosters {

	private final ObjectProvider<Configuration> axon;

	RostersOfTheBodyAggregate(ObjectProvider<Configuration> axon) {
		this.axon = axon;
	}

	@Override
	public Roster of(PartnershipId partnershipId, DecisionBodyType type) {
		try {
			return this.axon.getObject()
				.repository(DecisionBody.class)
				.load(DecisionBodyId.of(partnershipId, type).value())
				.invoke(DecisionBody::roster);
		}
		catch (AggregateNotFoundException ex) {
			throw new RuleViolationException(ErrorCode.CONFLICT,
					"Das Gremium ist nicht eingerichtet / the deciding body does not exist");
		}
	}

}
