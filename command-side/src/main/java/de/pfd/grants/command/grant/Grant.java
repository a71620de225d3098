package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.common.Checks;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.fund.FundLedger;
import de.pfd.grants.command.partnership.Partnerships;
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
import de.pfd.grants.shared.grant.CancelGrantCommand;
import de.pfd.grants.shared.grant.CorrectProofOfUseReviewCommand;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutCertified;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.PayoutReversed;
import de.pfd.grants.shared.grant.PayoutRequested;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.grant.RefundReversed;
import de.pfd.grants.shared.grant.ReleasePayoutCommand;
import de.pfd.grants.shared.grant.ReversePaymentCommand;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
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

	/**
	 * The day (partnership calendar) the grant notice was confirmed: no payout before.
	 */
	private LocalDate noticeConfirmedOn;

	/** Payouts certified and waiting for another staff member's release, by payout id. */
	private final Map<String, PayoutCertified> pending = new LinkedHashMap<>();

	/** The value date of the first payout: no refund before it. */
	private LocalDate firstPaidOn;

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

	/** The balance of the proof of use: costs − income of its receipts. */
	private Money provenNetExpense;

	/** The eligible amount of the accepted review (as corrected). */
	private Money eligibleAmount;

	/**
	 * Reserved money released back to the fund by the settlement and its corrections (not
	 * counting refunds, which the fund releases as they arrive).
	 */
	private Money releasedTotal = Money.ZERO;

	/** The amount of every payout and refund recorded, by kind and id. */
	private final Map<String, Money> amounts = new HashMap<>();

	/** Payouts and refunds reversed, by kind and id: a booking is reversed once. */
	private final Set<String> reversed = new HashSet<>();

	/** Corrections of the review so far: names each correction's release. */
	private int corrections;

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

	/**
	 * Staff record a payout against the open requests. With four eyes (the partnership's
	 * default) it is certified only and waits for another staff member's release;
	 * without, the fund books it at once.
	 */
	@CommandHandler
	void handle(RecordPayoutCommand command, FundLedger funds, Partnerships partnerships) {
		if (this.paymentIds.contains(PAYOUT + command.payoutId()) || this.pending.containsKey(command.payoutId())) {
			return;
		}
		requirePayable(command.amount(), pendingTotal());
		check(command.paidOn() != null, ErrorCode.INVALID_INPUT, "the payment date is required", "paidOn");
		check(PayoutRules.plausibleValueDate(command.paidOn(), this.noticeConfirmedOn, today()),
				ErrorCode.INVALID_INPUT,
				"Das Auszahlungsdatum liegt nicht vor der Bestätigung des Zuwendungsbescheids ("
						+ this.noticeConfirmedOn
						+ ") und nicht in der Zukunft / the payment date is not before the grant notice was confirmed ("
						+ this.noticeConfirmedOn + ") and not in the future",
				"paidOn");
		String reference = Checks.optionalText(command.reference());
		if (partnerships.settings(this.application.partnershipId()).fourEyesPayouts()) {
			apply(new PayoutCertified(this.application.applicationId(), this.application.fundId(), command.payoutId(),
					command.amount(), command.paidOn(), reference, command.recordedBy()));
			return;
		}
		book(command.payoutId(), command.amount(), command.paidOn(), reference, funds);
	}

	/**
	 * A second staff member releases a certified payout: the fund books it first, then it
	 * is recorded. The one who certified it may not release it.
	 */
	@CommandHandler
	void handle(ReleasePayoutCommand command, FundLedger funds) {
		if (this.paymentIds.contains(PAYOUT + command.payoutId())) {
			return;
		}
		PayoutCertified certified = this.pending.get(command.payoutId());
		check(certified != null, ErrorCode.NOT_FOUND,
				"Keine zur Auszahlung bestätigte Zahlung mit dieser Kennung / no certified payout with this id");
		check(certified.certifiedBy() == null || !certified.certifiedBy().equals(command.releasedBy()),
				ErrorCode.FOUR_EYES_REQUIRED,
				"Vier-Augen-Prinzip: wer eine Auszahlung als sachlich und rechnerisch richtig bestätigt, gibt sie nicht "
						+ "selbst frei / four eyes: the staff member who certified a payout may not release it");
		requirePayable(certified.amount(), pendingTotal().minus(certified.amount()));
		book(certified.payoutId(), certified.amount(), certified.paidOn(), certified.reference(), funds);
	}

	/** The fund books the payout first; only then is it recorded here. */
	private void book(String payoutId, Money amount, LocalDate paidOn, String reference, FundLedger funds) {
		boolean balancePayment = balancePayment();
		int spendWithinWeeks = this.application.terms(funds).spendWithinWeeks();
		funds.bookPayout(this.application.fundId(), this.application.applicationId(), payoutId, amount);
		apply(new PayoutRecorded(this.application.applicationId(), this.application.fundId(), payoutId, amount, paidOn,
				reference, PayoutRules.spendBy(paidOn, spendWithinWeeks)));
		if (balancePayment && this.paid.equals(this.finalGrant)) {
			apply(new GrantSettled(this.application.applicationId(), this.finalGrant));
		}
	}

	/**
	 * A payout belongs to a running grant, or is the balance of the final grant after the
	 * settlement; it never exceeds what the open requests cover (requested − paid − the
	 * other certified payouts).
	 */
	private void requirePayable(Money amount, Money otherPending) {
		boolean balancePayment = balancePayment();
		if (!balancePayment) {
			requireRunningGrant("paid out");
		}
		Checks.requirePositive(amount, "a payout", "amount");
		Money open = PayoutRules.openForPayout(this.requestedPayouts, this.paid, otherPending,
				balancePayment ? this.finalGrant : null);
		check(!amount.isGreaterThan(open), ErrorCode.PAYOUT_EXCEEDS_REQUEST,
				"Nur " + open + " sind abgerufen und weder ausgezahlt noch zur Auszahlung bestätigt / only " + open
						+ " is requested and not paid out yet (nor certified for payout)",
				"amount");
	}

	/** After the settlement, the rest of the final grant is paid without a request. */
	private boolean balancePayment() {
		return this.finalGrant != null && this.application.status() == ApplicationStatus.PROOF_OF_USE_SUBMITTED;
	}

	private Money pendingTotal() {
		return this.pending.values().stream().map(PayoutCertified::amount).reduce(Money.ZERO, Money::plus);
	}

	/** Today in the partnership's calendar (the time of the message being handled). */
	private static LocalDate today() {
		return PartnershipCalendar.dayOf(GenericEventMessage.clock.instant());
	}

	@CommandHandler
	void handle(SubmitProofOfUseCommand command, FundLedger funds) {
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
		LocalDate start = this.application.content().startDate();
		LocalDate end = this.application.content().endDate();
		int tolerance = this.application.terms(funds).receiptToleranceDays();
		for (int i = 0; i < receipts.size(); i++) {
			check(SettlementRules.datedWithinProject(receipts.get(i).date(), start, end, tolerance),
					ErrorCode.INVALID_INPUT,
					"Der Beleg ist nicht im Projektzeitraum " + start + " bis " + end + " (± " + tolerance
							+ " Tage) datiert / the receipt is not dated within the project period " + start + " to "
							+ end + " (± " + tolerance + " days)",
					"receipts[" + i + "].date");
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
		check(this.finalGrant == null, ErrorCode.ALREADY_REVIEWED,
				"Der Verwendungsnachweis ist schon geprüft und angenommen; korrigieren Sie die Prüfung / the proof of use "
						+ "was reviewed and accepted already: correct the review instead");
		if (this.application.status() != ApplicationStatus.PROOF_OF_USE_SUBMITTED) {
			throw this.application.wrongStatus("reviewed");
		}
		if (!command.accept()) {
			apply(new ProofOfUseReturned(this.application.applicationId(),
					Checks.requiredText(command.note(), "returning a proof of use needs a note", "note")));
			return;
		}
		Money eligible = command.eligibleAmount();
		requireEligible(eligible);
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
	 * A mistaken review is corrected with a reason until the grant is settled: the final
	 * grant, the refund claim and the fund's reservation follow the corrected eligible
	 * amount. Less bound: the fund releases the difference first; more bound is taken
	 * only from what the fund still holds for the grant (money released once is not
	 * reserved again here).
	 */
	@CommandHandler
	void handle(CorrectProofOfUseReviewCommand command, FundLedger funds) {
		check(this.finalGrant != null, ErrorCode.WRONG_STATUS,
				"Nur eine angenommene Prüfung kann korrigiert werden / only an accepted review can be corrected");
		if (this.application.status() == ApplicationStatus.SETTLED) {
			throw this.application.wrongStatus("corrected");
		}
		String reason = Checks.requiredText(command.reason(),
				"Eine Korrektur braucht eine Begründung / a correction needs a reason", "reason");
		Money eligible = command.eligibleAmount();
		requireEligible(eligible);
		Money grant = SettlementRules.finalGrant(this.approvedAmount, eligible);
		Money refundDue = SettlementRules.refundDue(grant, this.paid);
		check(!this.refunded.isGreaterThan(refundDue), ErrorCode.INVALID_AMOUNT,
				"Es wurde schon mehr zurückgezahlt, als nach der Korrektur zurückzufordern wäre (" + this.refunded
						+ ") / more was refunded already (" + this.refunded + ") than the corrected claim",
				"eligibleAmount");
		Money boundNow = this.approvedAmount.minus(this.releasedTotal).minus(this.refunded);
		Money bound = SettlementRules.boundAfterSettlement(grant, this.paid, this.refunded);
		check(!bound.isGreaterThan(boundNow), ErrorCode.INVALID_AMOUNT,
				"Die Korrektur bräuchte mehr Geld, als der Fonds für die Zuwendung noch hält (" + boundNow
						+ ") / the correction needs more than the fund still holds for the grant (" + boundNow + ")",
				"eligibleAmount");
		Money released = boundNow.minus(bound);
		if (released.isPositive()) {
			funds.release(this.application.fundId(), this.application.applicationId(), released,
					"Korrektur der Abrechnung / settlement corrected",
					"settlement-correction:" + this.application.applicationId().value() + ":" + this.corrections);
		}
		ApplicationStatus resulting = refundDue.minus(this.refunded).isPositive() ? ApplicationStatus.REFUND_DUE
				: ApplicationStatus.PROOF_OF_USE_SUBMITTED;
		apply(new ProofOfUseReviewCorrected(this.application.applicationId(), this.application.fundId(),
				this.eligibleAmount, this.finalGrant, eligible, grant, this.paid, released, refundDue, resulting,
				reason));
		if (resulting != ApplicationStatus.REFUND_DUE && !grant.isGreaterThan(this.paid)) {
			apply(new GrantSettled(this.application.applicationId(), grant));
		}
	}

	/**
	 * The eligible amount lies between 0 and the proven net expense (costs − income of
	 * the receipts), and not above the approval.
	 */
	private void requireEligible(Money eligible) {
		check(eligible != null && !eligible.isNegative() && !eligible.isGreaterThan(this.approvedAmount),
				ErrorCode.INVALID_AMOUNT,
				"the eligible amount must be between 0 and the approved " + this.approvedAmount, "eligibleAmount");
		check(this.provenNetExpense == null || !eligible.isGreaterThan(this.provenNetExpense), ErrorCode.INVALID_AMOUNT,
				"Der förderfähige Betrag übersteigt die nachgewiesenen Ausgaben abzüglich Einnahmen ("
						+ this.provenNetExpense + ") / the eligible amount exceeds the proven net expense ("
						+ this.provenNetExpense + ")",
				"eligibleAmount");
	}

	/**
	 * The project is cancelled before the settlement, by its owner or by staff: the
	 * reserved money not paid out goes back to the fund now (the fund releases it first);
	 * all money paid out and not refunded becomes a refund claim, released by the fund as
	 * the refunds arrive.
	 */
	@CommandHandler
	void handle(CancelGrantCommand command, FundLedger funds) {
		if (!command.byStaff()) {
			this.application.requireOwner(command.cancelledBy());
		}
		if (this.application.status() == ApplicationStatus.CANCELLED) {
			return;
		}
		boolean running = this.application.status() == ApplicationStatus.APPROVED && this.fundsReserved;
		boolean unreviewed = this.application.status() == ApplicationStatus.PROOF_OF_USE_SUBMITTED
				&& this.finalGrant == null;
		if (!running && !unreviewed) {
			throw this.application.wrongStatus("cancelled");
		}
		String reason = Checks.requiredText(command.reason(),
				"Ein Abbruch braucht eine Begründung / a cancellation needs a reason", "reason");
		Money released = this.approvedAmount.minus(this.releasedTotal).minus(this.paid);
		if (released.isPositive()) {
			funds.release(this.application.fundId(), this.application.applicationId(), released,
					"Abbruch / cancellation", "cancellation:" + this.application.applicationId().value());
		}
		else {
			released = Money.ZERO;
		}
		apply(new GrantCancelled(this.application.applicationId(), this.application.fundId(), reason,
				command.cancelledBy(), today(), this.paid, released, this.paid.minus(this.refunded)));
	}

	/**
	 * A wrongly recorded payout (while the grant runs) or refund (while the claim is
	 * open) is reversed by a compensating booking that names the original, with a reason;
	 * the fund books it first. A booking is reversed once.
	 */
	@CommandHandler
	void handle(ReversePaymentCommand command, FundLedger funds) {
		String original = (command.refund() ? REFUND : PAYOUT) + command.paymentId();
		Money amount = this.amounts.get(original);
		check(amount != null, ErrorCode.NOT_FOUND,
				command.refund() ? "Keine Rückzahlung mit dieser Kennung / no refund with this id"
						: "Keine Auszahlung mit dieser Kennung / no payout with this id");
		check(!this.reversed.contains(original), ErrorCode.ALREADY_REVERSED,
				"Die Buchung ist schon storniert / the booking was reversed already");
		String reason = Checks.requiredText(command.reason(),
				"Ein Storno braucht eine Begründung / a reversal needs a reason", "reason");
		String reversalId = "reversal-of-" + original;
		if (command.refund()) {
			ApplicationStatus status = this.application.status();
			if (status != ApplicationStatus.REFUND_DUE && status != ApplicationStatus.CANCELLED) {
				throw this.application.wrongStatus("corrected by a reversal of its refund");
			}
			funds.reverseRefund(this.application.fundId(), this.application.applicationId(), reversalId,
					command.paymentId(), amount);
			apply(new RefundReversed(this.application.applicationId(), this.application.fundId(), reversalId,
					command.paymentId(), amount, reason, this.refundDue.minus(this.refunded).plus(amount)));
			return;
		}
		requireRunningGrant("corrected by a reversal of its payout");
		funds.reversePayout(this.application.fundId(), this.application.applicationId(), reversalId,
				command.paymentId(), amount);
		apply(new PayoutReversed(this.application.applicationId(), this.application.fundId(), reversalId,
				command.paymentId(), amount, reason));
	}

	/**
	 * The fund books the money paid back and releases it first; only then is it recorded.
	 */
	@CommandHandler
	void handle(RecordRefundCommand command, FundLedger funds) {
		if (this.paymentIds.contains(REFUND + command.refundId())) {
			return;
		}
		boolean cancelled = this.application.status() == ApplicationStatus.CANCELLED;
		if (this.application.status() != ApplicationStatus.REFUND_DUE && !cancelled) {
			throw this.application.wrongStatus("refunded");
		}
		Money stillDue = this.refundDue.minus(this.refunded);
		Checks.requirePositive(command.amount(), "a refund", "amount");
		check(!command.amount().isGreaterThan(stillDue), ErrorCode.REFUND_EXCEEDS_CLAIM,
				"only " + stillDue + " is still due", "amount");
		check(command.receivedOn() != null, ErrorCode.INVALID_INPUT, "the date of receipt is required", "receivedOn");
		check(PayoutRules.plausibleValueDate(command.receivedOn(), this.firstPaidOn, today()), ErrorCode.INVALID_INPUT,
				"Der Eingang der Rückzahlung liegt nicht vor der ersten Auszahlung (" + this.firstPaidOn
						+ ") und nicht in der Zukunft / the refund is not received before the first payout ("
						+ this.firstPaidOn + ") and not in the future",
				"receivedOn");
		funds.bookRefund(this.application.fundId(), this.application.applicationId(), command.refundId(),
				command.amount());
		Money rest = stillDue.minus(command.amount());
		apply(new RefundRecorded(this.application.applicationId(), this.application.fundId(), command.refundId(),
				command.amount(), command.receivedOn(), rest, Checks.optionalText(command.reference())));
		// a cancelled grant stays cancelled when all is paid back
		if (rest.isZero() && !cancelled) {
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
	void on(GrantNoticeConfirmed event, @Timestamp Instant at) {
		this.noticeConfirmed = true;
		this.noticeConfirmedOn = PartnershipCalendar.dayOf(at);
	}

	@EventSourcingHandler
	void on(PayoutCertified event) {
		this.pending.put(event.payoutId(), event);
	}

	@EventSourcingHandler
	void on(PayoutRequested event) {
		this.requestedPayouts = this.requestedPayouts.plus(event.amount());
		this.paymentIds.add(REQUEST + event.requestId());
	}

	@EventSourcingHandler
	void on(PayoutRecorded event) {
		this.amounts.put(PAYOUT + event.payoutId(), event.amount());
		this.pending.remove(event.payoutId());
		if (this.firstPaidOn == null || event.paidOn().isBefore(this.firstPaidOn)) {
			this.firstPaidOn = event.paidOn();
		}
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
		this.provenNetExpense = event.balance();
	}

	@EventSourcingHandler
	void on(ProofOfUseReturned event) {
		this.proofSubmitted = false;
	}

	@EventSourcingHandler
	void on(ProofOfUseAccepted event) {
		this.eligibleAmount = event.eligibleAmount();
		this.finalGrant = event.finalGrant();
		this.refundDue = event.refundDue();
		this.releasedTotal = this.releasedTotal.plus(event.released());
	}

	@EventSourcingHandler
	void on(ProofOfUseReviewCorrected event) {
		this.eligibleAmount = event.eligibleAmount();
		this.finalGrant = event.finalGrant();
		this.refundDue = event.refundDue();
		this.releasedTotal = this.releasedTotal.plus(event.released());
		this.corrections++;
	}

	@EventSourcingHandler
	void on(PayoutReversed event) {
		this.paid = this.paid.minus(event.amount());
		this.reversed.add(PAYOUT + event.payoutId());
	}

	@EventSourcingHandler
	void on(RefundReversed event) {
		this.refunded = this.refunded.minus(event.amount());
		this.reversed.add(REFUND + event.refundId());
	}

	@EventSourcingHandler
	void on(GrantCancelled event) {
		this.refundDue = event.refundDue().plus(this.refunded);
		this.releasedTotal = this.releasedTotal.plus(event.released());
		this.fundsReserved = false;
	}

	@EventSourcingHandler
	void on(RefundRecorded event) {
		this.amounts.put(REFUND + event.refundId(), event.amount());
		this.refunded = this.refunded.plus(event.amount());
		this.paymentIds.add(REFUND + event.refundId());
	}

}
