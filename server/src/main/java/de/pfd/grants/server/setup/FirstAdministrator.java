package de.pfd.grants.server.setup;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.EstablishDecisionBodyCommand;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * The one-time set-up of a real installation: the first partnership with its steering
 * board and youth forum (no members yet), and its first administrator. Refused, changing
 * nothing, once any administrator exists.
 */
@Component
class FirstAdministrator {

	enum Outcome {

		CREATED, ADMINISTRATOR_EXISTS

	}

	private final AccountStore accounts;

	private final CommandGateway commands;

	private final EventStore events;

	private final PasswordEncoder encoder;

	FirstAdministrator(AccountStore accounts, CommandGateway commands, EventStore events, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.commands = commands;
		this.events = events;
		this.encoder = encoder;
	}

	@Transactional
	public Outcome create(PartnershipId partnership, String partnershipName, String email, String displayName,
			String password) {
		if (this.accounts.administratorExists()) {
			return Outcome.ADMINISTRATOR_EXISTS;
		}
		if (this.events.lastSequenceNumberFor(partnership.value()).isEmpty()) {
			this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, partnershipName));
		}
		// every partnership has its steering board and its youth forum
		for (DecisionBodyType type : DecisionBodyType.values()) {
			DecisionBodyId body = DecisionBodyId.of(partnership, type);
			if (this.events.lastSequenceNumberFor(body.value()).isEmpty()) {
				String name = (type == DecisionBodyType.STEERING_BOARD ? "Begleitausschuss" : "Jugendforum") + " – "
						+ partnershipName;
				this.commands.sendAndWait(new EstablishDecisionBodyCommand(body, partnership, type,
						name.length() > 200 ? name.substring(0, 200) : name));
			}
		}
		String username = this.accounts.create(partnership, Role.STAFF, email, displayName,
				this.encoder.encode(password), true);
		// the operator gave the address: it counts as confirmed
		this.accounts.confirmEmail(username, email);
		return Outcome.CREATED;
	}

}
