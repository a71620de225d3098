package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.common.Checks;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.fund.FundLedger;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.PayoutRequested;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The money of an approved application: reservation in the fund (or the waiting list),
 * the grant notice and its confirmation, payout requests, payouts, the proof of use, the
 * settlement and refunds. Every booking of money is decided by the fund first, in the
 * same unit of work: what the fund refuses is never recorded here. Part of the
 * {@link Application} aggregate; not an aggregate of its own yet (see ADR 0005).
 */
public class Grant {

	/** The deadline of the proof of use (its name is stored with scheduled deadlines). */
	public static final String PROOF_OF_USE_DUE = "proof-of-use-due";

	private static final String REQUEST = "request:";

	private static final String PAYOUT = "payout:";

	private static final String REFUND = "refund:";

	private final Application application;

	private Money approvedAmount;

	private String conditions;

	private boolean fundsReserved;

	private boolean noticeIssued;

	private boolean noticeConfirmed;

	private Money requestedPayouts = Money.ZERO;

	private Money paid = Money.ZERO;

	/**
	 * Ids of requests, payouts and refunds already recorded: a retried command is
	 * harmless.
	 */
	private final Set<String> paymentIds = new HashSet<>();

	private boolean proofSubmitted;

	/**
	 * Flagged overdue already: a deadline run twice (a node killed meanwhile) flags once.
	 */
	private boolean proofOverdue;

	private Money finalGrant;

	private Money refundDue = Money.ZERO;

	private Money refunded = Money.ZERO;

	public Grant(Application application) {
		this.application = application;
	}

	/** The fund reserved the approved money (an approval may still wait for it). */
	public boolean hasReservation() {
		return this.fundsReserved;
	}

	/** Money was paid out: the application can no longer be withdrawn. */
	public boolean hasPayouts() {
		return this.paid.isPositive();
	}

	@CommandHandler
	void handle(MarkFundsReservedCommand command) {
		if (this.fundsReserved) {
			return;
		}
		ApplicationStatus status = this.application.status();
		if (status != ApplicationStatus.APPROVED && status != ApplicationStatus.WAITLISTED) {
			throw this.application.wrongStatus("given money");
		}
		apply(new ApprovedFundsReserved(this.application.applicationId(), command.amount()));
	}

	@CommandHandler
	void handle(MarkWaitlistedCommand command) {
		ApplicationStatus status = this.application.status();
		if (status == ApplicationStatus.WAITLISTED || this.fundsReserved) {
			return;
		}
		if (status != ApplicationStatus.APPROVED) {
			throw this.application.wrongStatus("put on the waiting list");
		}
		apply(new ApprovalWaitlisted(this.application.applicationId(), command.position()));
	}

	@CommandHandler
	void handle(IssueGrantNoticeCommand command) {
		check(this.application.status() == ApplicationStatus.APPROVED && this.fundsReserved, ErrorCode.WRONG_STATUS,
				"a grant notice needs an approval whose money is reserved", null);
		check(!this.noticeIssued, ErrorCode.WRONG_STATUS, "the grant notice was issued already", null);
		apply(new GrantNoticeIssued(this.application.applicationId(), Checks.optionalText(command.reference()),
				this.approvedAmount, this.conditions));
	}

	@CommandHandler
	void handle(ConfirmGrantNoticeCommand command, DeadlineManager deadlines, FundLedger funds) {
		this.application.requireOwner(command.requestedBy());
		check(this.noticeIssued, ErrorCode.WRONG_STATUS, "no grant notice has been issued yet", null);
		if (this.noticeConfirmed) {
			return;
		}
		if (this.application.status() != ApplicationStatus.APPROVED) {
			throw this.application.wrongStatus("confirmed");
		}
		LocalDate due = PayoutRules.proofOfUseDueOn(this.application.content().endDate(),
				this.application.terms(funds).proofOfUseDueWeeks());
		apply(new GrantNoticeConfirmed(this.application.applicationId(), due));
		deadlines.schedule(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), PROOF_OF_USE_DUE, due);
	}

	@CommandHandler
	void handle(RequestPayoutCommand command) {
		this.application.requireOwner(command.requestedBy());
		if (this.paymentIds.contains(REQUEST + command.requestId())) {
			return;
		}
		requireRunningGrant("paid out");
		Checks.requirePositive(command.amount(), "a payout request", "amount");
		Money open = PayoutRules.openForRequest(this.approvedAmount, this.requestedPayouts);
		check(!command.amount().isGreaterThan(open), ErrorCode.PAYOUT_REQUEST_EXCEEDS_APPROVAL,
				"only " + open + " of the approved " + this.approvedAmount + " can still be requested", "amount");
		apply(new PayoutRequested(this.application.applicationId(), command.requestId(), command.amount(),
				Checks.optionalText(command.purpose())));
	}

	/** The fund books the payout first; only then is it recorded here. */
	@CommandHandler
	void handle(RecordPayoutCommand command, FundLedger funds) {
		if (this.paymentIds.contains(PAYOUT + command.payoutId())) {
			return;
		}
		boolean balancePayment = this.finalGrant != null
				&& this.application.status() == ApplicationStatus.PROOF_OF_USE_SUBMITTED;
		if (!balancePayment) {
			requireRunningGrant("paid out");
		}
		Checks.requirePositive(command.amount(), "a payout", "amount");
		Money open = PayoutRules.openForPayout(this.requestedPayouts, this.paid,
				balancePayment ? this.finalGrant : null);
		check(!command.amount().isGreaterThan(open), ErrorCode.PAYOUT_EXCEEDS_REQUEST,
				"only " + open + " is requested and not paid out yet", "amount");
		check(command.paidOn() != null, ErrorCode.INVALID_INPUT, "the payment date is required", "paidOn");
		int spendWithinWeeks = this.application.terms(funds).spendWithinWeeks();
		funds.bookPayout(this.application.fundId(), this.application.applicationId(), command.payoutId(),
				command.amount());
		apply(new PayoutRecorded(this.application.applicationId(), this.application.fundId(), command.payoutId(),
				command.amount(), command.paidOn(), Checks.optionalText(command.reference()),
				PayoutRules.spendBy(command.paidOn(), spendWithinWeeks)));
		if (balancePayment && this.paid.equals(this.finalGrant)) {
			apply(new GrantSettled(this.application.applicationId(), this.finalGrant));
		}
	}

	@CommandHandler
	void handle(SubmitProofOfUseCommand command) {
		this.application.requireOwner(command.requestedBy());
		requireRunningGrant("accounted for");
		// a narrative report may be longer than a note
		check(command.report() != null && !command.report().isBlank(), ErrorCode.INVALID_INPUT,
				"the proof of use needs a narrative report", "report");
		String report = command.report().strip();
		List<Receipt> receipts = command.receipts() == null ? List.of() : command.receipts();
		check(!receipts.isEmpty(), ErrorCode.INVALID_INPUT, "the proof of use needs at least one receipt", "receipts");
		for (int i = 0; i < receipts.size(); i++) {
			Receipt r = receipts.get(i);
			check(r != null && r.date() != null && r.category() != null && r.amount() != null && !r.amount().isZero(),
					ErrorCode.INVALID_INPUT, "every receipt needs a date, a category and a non-zero amount",
					"receipts[" + i + "]");
		}
		Money costs = SettlementRules.totalCosts(receipts);
		Money income = SettlementRules.totalIncome(receipts);
		apply(new ProofOfUseSubmitted(this.application.applicationId(), report, receipts, costs, income,
				costs.minus(income)));
	}

	/**
	 * Accepting settles the grant: the money neither granted nor paid out is released by
	 * the fund first, in the same unit of work.
	 */
	@CommandHandler
	void handle(ReviewProofOfUseCommand command, FundLedger funds) {
		if (this.application.status() != ApplicationStatus.PROOF_OF_USE_SUBMITTED) {
			throw this.application.wrongStatus("reviewed");
		}
		if (!command.accept()) {
			apply(new ProofOfUseReturned(this.application.applicationId(),
					Checks.requiredText(command.note(), "returning a proof of use needs a note", "note")));
			return;
		}
		Money eligible = command.eligibleAmount();
		check(eligible != null && !eligible.isNegative() && !eligible.isGreaterThan(this.approvedAmount),
				ErrorCode.INVALID_AMOUNT,
				"the eligible amount must be between 0 and the approved " + this.approvedAmount, "eligibleAmount");
		Money grant = SettlementRules.finalGrant(this.approvedAmount, eligible);
		Money released = SettlementRules.releasedAtSettlement(this.approvedAmount, grant, this.paid);
		if (released.isPositive()) {
			funds.release(this.application.fundId(), this.application.applicationId(), released,
					"Abrechnung / settlement", "settlement:" + this.application.applicationId().value());
		}
		apply(new ProofOfUseAccepted(this.application.applicationId(), this.application.fundId(), eligible, grant,
				this.paid, released, SettlementRules.refundDue(grant, this.paid), Checks.optionalText(command.note())));
		if (!this.refundDue.isPositive() && this.paid.equals(grant)) {
			apply(new GrantSettled(this.application.applicationId(), grant));
		}
	}

	/**
	 * The fund books the money paid back and releases it first; only then is it recorded.
	 */
	@CommandHandler
	void handle(RecordRefundCommand command, FundLedger funds) {
		if (this.paymentIds.contains(REFUND + command.refundId())) {
			return;
		}
		if (this.application.status() != ApplicationStatus.REFUND_DUE) {
			throw this.application.wrongStatus("refunded");
		}
		Money stillDue = this.refundDue.minus(this.refunded);
		Checks.requirePositive(command.amount(), "a refund", "amount");
		check(!command.amount().isGreaterThan(stillDue), ErrorCode.REFUND_EXCEEDS_CLAIM,
				"only " + stillDue + " is still due", "amount");
		check(command.receivedOn() != null, ErrorCode.INVALID_INPUT, "the date of receipt is required", "receivedOn");
		funds.bookRefund(this.application.fundId(), this.application.applicationId(), command.refundId(),
				command.amount());
		Money rest = stillDue.minus(command.amount());
		apply(new RefundRecorded(this.application.applicationId(), this.application.fundId(), command.refundId(),
				command.amount(), command.receivedOn(), rest));
		if (rest.isZero()) {
			apply(new GrantSettled(this.application.applicationId(), this.finalGrant));
		}
	}

	/** The proof of use was not in on time: flag it for staff. */
	public void proofOfUseDue(LocalDate dueOn) {
		if (!this.proofSubmitted && !this.proofOverdue && this.application.status() == ApplicationStatus.APPROVED) {
			apply(new ProofOfUseOverdue(this.application.applicationId(), dueOn));
		}
	}

	/**
	 * Payouts and the proof of use belong to an approved grant whose notice is confirmed.
	 */
	private void requireRunningGrant(String action) {
		if (this.application.status() != ApplicationStatus.APPROVED || !this.noticeConfirmed) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"only an approved grant with a confirmed grant notice can be " + action);
		}
	}

	@EventSourcingHandler
	void on(ApplicationDecided event) {
		if (event.outcome() == DecisionOutcome.APPROVED) {
			this.approvedAmount = event.approvedAmount();
			this.conditions = event.conditions();
		}
	}

	@EventSourcingHandler
	void on(ApprovedFundsReserved event) {
		this.fundsReserved = true;
	}

	@EventSourcingHandler
	void on(GrantNoticeIssued event) {
		this.noticeIssued = true;
	}

	@EventSourcingHandler
	void on(GrantNoticeConfirmed event) {
		this.noticeConfirmed = true;
	}

	@EventSourcingHandler
	void on(PayoutRequested event) {
		this.requestedPayouts = this.requestedPayouts.plus(event.amount());
		this.paymentIds.add(REQUEST + event.requestId());
	}

	@EventSourcingHandler
	void on(PayoutRecorded event) {
		this.paid = this.paid.plus(event.amount());
		this.paymentIds.add(PAYOUT + event.payoutId());
	}

	@EventSourcingHandler
	void on(ProofOfUseOverdue event) {
		this.proofOverdue = true;
	}

	@EventSourcingHandler
	void on(ProofOfUseSubmitted event) {
		this.proofSubmitted = true;
	}

	@EventSourcingHandler
	void on(ProofOfUseReturned event) {
		this.proofSubmitted = false;
	}

	@EventSourcingHandler
	void on(ProofOfUseAccepted event) {
		this.finalGrant = event.finalGrant();
		this.refundDue = event.refundDue();
	}

	@EventSourcingHandler
	void on(RefundRecorded event) {
		this.refunded = this.refunded.plus(event.amount());
		this.paymentIds.add(REFUND + event.refundId());
	}

}
