package de.pfd.grants.server.account;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.EstablishDecisionBodyCommand;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * A partnership as it starts: registered, with its steering board and its youth forum (no
 * members yet). Only what is missing is created, so it may run again.
 */
@Component
public class PartnershipEstablishment {

	private final CommandGateway commands;

	private final EventStore events;

	private final ReadYourWrites reads;

	PartnershipEstablishment(CommandGateway commands, EventStore events, ReadYourWrites reads) {
		this.commands = commands;
		this.events = events;
		this.reads = reads;
	}

	/** Whether the partnership was registered (from the events: no read model lags). */
	public boolean exists(PartnershipId partnership) {
		return this.events.lastSequenceNumberFor(partnership.value()).isPresent();
	}

	/** Creates what is missing; answers once the bodies can be read. */
	public void establish(PartnershipId partnership, String name) {
		if (this.events.lastSequenceNumberFor(partnership.value()).isEmpty()) {
			createUnlessThere(new RegisterPartnershipCommand(partnership, name));
		}
		List<Watch> bodies = new ArrayList<>();
		for (DecisionBodyType type : DecisionBodyType.values()) {
			bodies.add(Watch.body(DecisionBodyId.of(partnership, type), partnership));
		}
		this.reads.write(bodies, () -> {
			for (DecisionBodyType type : DecisionBodyType.values()) {
				DecisionBodyId body = DecisionBodyId.of(partnership, type);
				if (this.events.lastSequenceNumberFor(body.value()).isEmpty()) {
					String bodyName = (type == DecisionBodyType.STEERING_BOARD ? "Begleitausschuss" : "Jugendforum")
							+ " – " + name;
					createUnlessThere(new EstablishDecisionBodyCommand(body, partnership, type,
							bodyName.length() > 200 ? bodyName.substring(0, 200) : bodyName));
				}
			}
		}, () -> null);
	}

	/**
	 * Another node starting at the same time may create it first: then it is there, which
	 * is all this asks for.
	 */
	public void createUnlessThere(Object creation) {
		try {
			this.commands.sendAndWait(creation);
		}
		catch (AggregateStreamCreationException ex) {
			// created by another node meanwhile
		}
	}

}
