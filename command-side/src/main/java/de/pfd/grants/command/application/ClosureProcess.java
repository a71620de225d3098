package de.pfd.grants.command.application;

import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.SystemActor;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.application.FindApplicationsWaitingInFundQuery;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.VoteOpened;

/**
 * Year-end closure ends every application of the fund that still waits: at
 * {@link FundClosed} it asks the applications' read model for them and sends each an
 * {@link EndAtFundClosureCommand}, as the system (the causing event is the command's
 * correlation id). An application whose check or vote still moves after the closure (e.g.
 * one the read model did not show yet) is ended by the same command from its own event.
 * The application decides itself, against its fund's state, whether it ends, so every
 * command is idempotent and one sent too often changes nothing. Runs in the approval
 * process's processor, in the order of the event store.
 */
@Component
@ProcessingGroup(ApprovalProcess.GROUP)
class ClosureProcess {

	private final CommandGateway commands;

	private final QueryGateway queries;

	ClosureProcess(CommandGateway commands, QueryGateway queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@EventHandler
	void on(FundClosed event) {
		List<ApplicationId> waiting = this.queries
			.query(new FindApplicationsWaitingInFundQuery(event.fundId()),
					ResponseTypes.multipleInstancesOf(ApplicationId.class))
			.join();
		waiting.forEach(this::end);
	}

	// a check or a vote after the closure: the application ends at once

	@EventHandler
	void on(ApplicationAccepted event) {
		end(event.applicationId());
	}

	@EventHandler
	void on(ApplicationReturnedForRevision event) {
		end(event.applicationId());
	}

	@EventHandler
	void on(VoteOpened event) {
		end(event.applicationId());
	}

	@EventHandler
	void on(ApplicationDecided event) {
		if (event.outcome() == DecisionOutcome.NO_DECISION || event.outcome() == DecisionOutcome.RETURNED) {
			end(event.applicationId());
		}
	}

	void end(ApplicationId application) {
		this.commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EndAtFundClosureCommand(application))
			.andMetaData(SystemActor.METADATA));
	}

}
