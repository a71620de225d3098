package de.pfd.grants.command.partnership;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * A local "Partnerschaft für Demokratie": owns funds, bodies and users of one
 * installation's tenant.
 */
@Aggregate
public class Partnership {

	@AggregateIdentifier
	private PartnershipId partnershipId;

	protected Partnership() {
	}

	@CommandHandler
	public Partnership(RegisterPartnershipCommand command) {
		check(command.name() != null && !command.name().isBlank() && command.name().length() <= 200,
				ErrorCode.INVALID_INPUT, "a partnership needs a name of at most 200 characters");
		apply(new PartnershipRegistered(command.partnershipId(), command.name().strip()));
	}

	@EventSourcingHandler
	void on(PartnershipRegistered event) {
		this.partnershipId = event.partnershipId();
	}

}
