package de.pfd.grants.command.application;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * Connects approvals to the money (DESIGN §3): an approval asks its fund to reserve the
 * money (the fund decides, and puts it on its waiting list if it cannot cover it); the
 * fund's answer is passed back to the application; a withdrawal gives the money back.
 * Every command it sends is idempotent, so redelivered or replayed events change nothing.
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
			send(new ReserveFundsCommand(event.fundId(), event.applicationId(), event.approvedAmount(), true));
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

	@EventHandler
	void on(PayoutRecorded event) {
		send(new BookPayoutCommand(event.fundId(), event.applicationId(), event.payoutId(), event.amount()));
	}

	/**
	 * Approved money neither granted nor paid out goes back to the fund at settlement.
	 */
	@EventHandler
	void on(ProofOfUseAccepted event) {
		if (event.released().isPositive()) {
			send(new ReleaseFundsCommand(event.fundId(), event.applicationId(), event.released(),
					"Abrechnung / settlement", "settlement:" + event.applicationId().value()));
		}
	}

	/**
	 * Repaid money comes back to the fund: booked as a refund, then released from the
	 * reservation.
	 */
	@EventHandler
	void on(RefundRecorded event) {
		send(new BookRefundCommand(event.fundId(), event.applicationId(), event.refundId(), event.amount()));
		send(new ReleaseFundsCommand(event.fundId(), event.applicationId(), event.amount(), "Rückzahlung / refund",
				"refund:" + event.refundId()));
	}

	/**
	 * Refusals that only say "already done" or "not an application of ours" (money
	 * reserved directly by staff, or an application withdrawn meanwhile) are expected;
	 * anything else fails the event so that it is retried and, if it keeps failing, lands
	 * in the dead-letter queue.
	 */
	private void send(Object command) {
		try {
			this.commands.sendAndWait(command);
		}
		catch (CommandExecutionException ex) {
			ErrorCode code = ex.getDetails()
				.filter(RuleViolation.class::isInstance)
				.map(d -> ((RuleViolation) d).code())
				.orElse(null);
			if (code == ErrorCode.ALREADY_RESERVED || code == ErrorCode.NOT_FOUND || code == ErrorCode.WRONG_STATUS) {
				log.debug("{} needs nothing more: {}", command.getClass().getSimpleName(), code);
				return;
			}
			throw ex;
		}
	}

}
