package de.pfd.grants.command.application;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.SystemActor;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * Connects approvals to the fund's reservations: an approval asks its fund to reserve the
 * money (the fund decides, and puts it on its waiting list if it cannot cover it); the
 * fund's answer, also a later reservation from the waiting list, is passed back to the
 * application; a withdrawal gives the money back. Payouts, refunds and the release at
 * settlement are not here: the fund books them in the application's own unit of work
 * ({@link de.pfd.grants.command.fund.FundLedger}). Every command it sends is idempotent,
 * so redelivered or replayed events change nothing.
 */
@Component
@ProcessingGroup(ApprovalProcess.GROUP)
class ApprovalProcess {

	static final String GROUP = "approval-process";

	private static final Logger log = LoggerFactory.getLogger(ApprovalProcess.class);

	private final CommandGateway commands;

	ApprovalProcess(CommandGateway commands) {
		this.commands = commands;
	}

	@EventHandler
	void on(ApplicationDecided event) {
		if (event.outcome() == DecisionOutcome.APPROVED) {
			send(new ReserveFundsCommand(event.fundId(), event.applicationId(), event.approvedAmount(), true,
					event.round()));
		}
	}

	@EventHandler
	void on(FundsReserved event) {
		send(new MarkFundsReservedCommand(event.applicationId(), event.amount()));
	}

	@EventHandler
	void on(ReservationWaitlisted event) {
		send(new MarkWaitlistedCommand(event.applicationId(), event.position()));
	}

	@EventHandler
	void on(ApplicationWithdrawn event) {
		if (event.previousStatus() == ApplicationStatus.APPROVED
				|| event.previousStatus() == ApplicationStatus.WAITLISTED) {
			send(new CancelReservationCommand(event.fundId(), event.applicationId(),
					"Antrag zurückgezogen / withdrawn"));
		}
	}

	/**
	 * Refusals that only say "already done" or "not an application of ours" (money
	 * reserved directly by staff, or an application withdrawn meanwhile) are expected;
	 * anything else fails the event so that it is retried and, if it keeps failing, lands
	 * in the dead-letter queue.
	 */
	private void send(Object command) {
		try {
			// the process acts, not the user whose action caused the event
			this.commands
				.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SystemActor.METADATA));
		}
		catch (CommandExecutionException ex) {
			ErrorCode code = ex.getDetails()
				.filter(RuleViolation.class::isInstance)
				.map(d -> ((RuleViolation) d).code())
				.orElse(null);
			if (code == ErrorCode.FUND_CLOSED && command instanceof ReserveFundsCommand reserve) {
				// approved just before the year-end closure, reserved after it: the
				// approval
				// ends not funded like every other application still waiting at closure
				send(new EndAtFundClosureCommand(reserve.applicationId()));
				return;
			}
			if (code == ErrorCode.ALREADY_RESERVED || code == ErrorCode.NOT_FOUND || code == ErrorCode.WRONG_STATUS) {
				log.debug("{} needs nothing more: {}", command.getClass().getSimpleName(), code);
				return;
			}
			throw ex;
		}
	}

}
