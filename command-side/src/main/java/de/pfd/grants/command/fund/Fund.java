package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Checks.check;
import static de.pfd.grants.command.common.Checks.requirePositive;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.AddCallRoundCommand;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.fund.CallRoundAdded;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.PayoutBookingReversed;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.RefundBookingReversed;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.fund.SetWaitlistPolicyCommand;
import de.pfd.grants.shared.fund.WaitlistEntryRemoved;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySet;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A partnership's fund for one year: the consistency boundary for its money. Every
 * reservation, release, payout and refund is decided here against the fund's own state,
 * so the budget is never overcommitted, whatever the concurrency (appends are serialised
 * by the event store). Its terms (partnership, year, cap, fast-track limit, deadlines)
 * are what applications are decided against. Revision 2 of its snapshot holds the terms:
 * a snapshot of another revision is not used (the fund is rebuilt from its events).
 */
@Aggregate(snapshotTriggerDefinition = "fundSnapshotTrigger")
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
public class Fund {

	static final int MIN_YEAR = 2015;

	static final int MAX_YEAR = 2100;

	/** At most a year before the start or after the end of a project. */
	static final int MAX_RECEIPT_TOLERANCE_DAYS = 365;

	private static final String ADJUSTMENT = "adjustment:";

	private static final String PAYOUT = "payout:";

	private static final String REFUND = "refund:";

	private static final String RELEASE = "release:";

	private static final String REVERSAL = "reversal:";

	@AggregateIdentifier
	private FundId fundId;

	private PartnershipId partnershipId;

	private FundType type;

	private int year;

	private Money perProjectCap;

	private Money fastTrackLimit;

	private int spendWithinWeeks;

	private int proofOfUseDueWeeks;

	/** Days a receipt may lie outside its project's period. */
	private int receiptToleranceDays;

	private FundStatus status;

	private Money budget;

	private Money reserved;

	private Money lapsed;

	/** Outstanding reservation per application id. */
	private Map<String, Money> reservations;

	/** Paid out minus refunded, per application id. */
	private Map<String, Money> netPaid;

	/**
	 * Ids of adjustments, payouts and refunds already booked: a retried command is
	 * harmless.
	 */
	private Set<String> bookedIds;

	/** Approvals the fund could not cover yet, in the order they came. */
	private List<Waiting> waitlist;

	/** How the waiting list is served; null (in older snapshots too) is the default. */
	private WaitlistPolicy waitlistPolicy;

	/** The version of the policy setting; 0 is the default the fund opened with. */
	private int waitlistPolicyVersion;

	/** The call rounds in their order (null in older snapshots: none). */
	private List<CallRound> rounds;

	/** The call round of each reservation, per application id (only those in a round). */
	private Map<String, Integer> roundOfReservation;

	/** An approval waiting for money; {@code round} its call round or null. */
	record Waiting(String applicationId, Money amount, Integer round) {
	}

	protected Fund() {
		// for Axon and for snapshots
	}

	@CommandHandler
	public Fund(OpenFundCommand command) {
		check(command.year() >= MIN_YEAR && command.year() <= MAX_YEAR, ErrorCode.INVALID_INPUT,
				"year must be between " + MIN_YEAR + " and " + MAX_YEAR, "year");
		requirePositive(command.budget(), "budget", "budget");
		if (command.perProjectCap() != null) {
			check(command.perProjectCap().isPositive() && !command.perProjectCap().isGreaterThan(command.budget()),
					ErrorCode.INVALID_AMOUNT, "per-project cap must be positive and not above the budget",
					"perProjectCap");
		}
		if (command.fastTrackLimit() != null) {
			Money ceiling = command.perProjectCap() != null ? command.perProjectCap() : command.budget();
			check(command.fastTrackLimit().isPositive() && !command.fastTrackLimit().isGreaterThan(ceiling),
					ErrorCode.INVALID_AMOUNT, "fast-track limit must be positive and not above the per-project cap",
					"fastTrackLimit");
		}
		for (Integer weeks : new Integer[] { command.spendWithinWeeks(), command.proofOfUseDueWeeks() }) {
			check(weeks == null || (weeks >= 1 && weeks <= 52), ErrorCode.INVALID_INPUT,
					"deadlines are counted in weeks from 1 to 52", null);
		}
		check(command.receiptToleranceDays() == null || (command.receiptToleranceDays() >= 0
				&& command.receiptToleranceDays() <= MAX_RECEIPT_TOLERANCE_DAYS), ErrorCode.INVALID_INPUT,
				"Die Toleranz für Belege liegt zwischen 0 und " + MAX_RECEIPT_TOLERANCE_DAYS
						+ " Tagen / the receipts' tolerance is between 0 and " + MAX_RECEIPT_TOLERANCE_DAYS + " days",
				"receiptToleranceDays");
		apply(new FundOpened(command.fundId(), command.partnershipId(), command.type(), command.type().decisionBody(),
				command.year(), command.budget(), command.perProjectCap(), command.fastTrackLimit(),
				command.spendWithinWeeks(), command.proofOfUseDueWeeks(), command.receiptToleranceDays()));
	}

	@CommandHandler
	public void handle(AdjustBudgetCommand command) {
		if (this.bookedIds.contains(ADJUSTMENT + command.adjustmentId())) {
			return;
		}
		requireOpen();
		check(command.reason() != null && !command.reason().isBlank(), ErrorCode.INVALID_INPUT,
				"a budget adjustment needs a reason", null);
		check(!command.change().isZero(), ErrorCode.INVALID_AMOUNT, "the change must not be zero", null);
		check(this.budget.plus(command.change()).isPositive(), ErrorCode.INVALID_AMOUNT,
				"the budget must stay above zero", null);
		check(BudgetRules.mayAdjust(this.budget, command.change(), this.reserved), ErrorCode.BUDGET_BELOW_RESERVED,
				"the budget cannot fall below the reserved " + this.reserved, null);
		apply(new BudgetAdjusted(this.fundId, command.adjustmentId(), command.change(),
				this.budget.plus(command.change()), command.reason().strip()));
		reserveForWaitingApprovals();
	}

	@CommandHandler
	public void handle(ReserveFundsCommand command) {
		String application = command.applicationId().value();
		if (isWaiting(application)) {
			return;
		}
		requireOpen();
		requirePositive(command.amount(), "a reservation", null);
		// money is reserved once per application: a repeated or replayed
		// approval reserves nothing more
		check(!this.reservations.containsKey(application), ErrorCode.ALREADY_RESERVED,
				"money was already reserved for this application", null);
		Money available = available();
		// strict order: nobody overtakes the waiting list; first that fits: what fits is
		// funded
		Integer round = knownRound(command.round());
		boolean overtakes = this.waitlist.stream()
			.anyMatch(w -> fit(w) == BudgetRules.Fit.OVER_BUDGET || java.util.Objects.equals(w.round(), round));
		boolean fits = BudgetRules.mayReserveNew(policy(), overtakes, available, command.amount())
				&& withinRoundShares(round, command.amount());
		if (fits) {
			reserve(command.applicationId(), command.amount(), round);
		}
		else if (command.waitlistIfShort()) {
			// over the budget, or over its round's share: it waits for money
			apply(new ReservationWaitlisted(this.fundId, command.applicationId(), command.amount(),
					this.waitlist.size() + 1, round));
		}
		else {
			throw new RuleViolationException(ErrorCode.BUDGET_EXHAUSTED,
					"the fund has only " + available + " available");
		}
	}

	@CommandHandler
	public void handle(CancelReservationCommand command) {
		String application = command.applicationId().value();
		if (isWaiting(application)) {
			apply(new WaitlistEntryRemoved(this.fundId, command.applicationId(), command.reason()));
			reserveForWaitingApprovals();
			return;
		}
		Money releasable = BudgetRules.releasable(this.reservations.getOrDefault(application, Money.ZERO),
				this.netPaid.getOrDefault(application, Money.ZERO));
		if (releasable.isPositive()) {
			apply(new FundsReleased(this.fundId, command.applicationId(), releasable, Money.ZERO, command.reason()));
			lapseIfClosed(command.applicationId(), releasable);
			reserveForWaitingApprovals();
		}
	}

	@CommandHandler
	public void handle(ReleaseFundsCommand command) {
		if (command.releaseId() != null && this.bookedIds.contains(RELEASE + command.releaseId())) {
			return;
		}
		Money outstanding = this.reservations.getOrDefault(command.applicationId().value(), Money.ZERO);
		check(outstanding.isPositive(), ErrorCode.NOT_RESERVED, "nothing is reserved for this application", null);
		// money paid out stays bound until it is refunded: releasing it would
		// let the fund commit it a second time
		Money releasable = BudgetRules.releasable(outstanding,
				this.netPaid.getOrDefault(command.applicationId().value(), Money.ZERO));
		Money amount = requirePositive(command.amount() == null ? releasable : command.amount(), "a release", null);
		check(!amount.isGreaterThan(releasable), ErrorCode.RELEASE_EXCEEDS_RESERVATION,
				"only " + releasable + " of the reservation is not paid out and can be released", null);
		apply(new FundsReleased(this.fundId, command.applicationId(), amount, Money.ZERO, command.reason(),
				command.releaseId()));
		lapseIfClosed(command.applicationId(), amount);
		reserveForWaitingApprovals();
	}

	@CommandHandler
	public void handle(BookPayoutCommand command) {
		if (this.bookedIds.contains(PAYOUT + command.payoutId())) {
			return;
		}
		String application = command.applicationId().value();
		Money outstanding = this.reservations.getOrDefault(application, Money.ZERO);
		check(outstanding.isPositive(), ErrorCode.NOT_RESERVED, "nothing is reserved for this application", null);
		Money paid = this.netPaid.getOrDefault(application, Money.ZERO);
		requirePositive(command.amount(), "a payout", "amount");
		check(BudgetRules.mayPayOut(outstanding, paid, command.amount()), ErrorCode.PAYOUT_EXCEEDS_RESERVATION,
				"only " + outstanding.minus(paid) + " of the reservation is not paid out yet", "amount");
		apply(new PayoutBooked(this.fundId, command.applicationId(), command.payoutId(), command.amount()));
	}

	@CommandHandler
	public void handle(BookRefundCommand command) {
		if (this.bookedIds.contains(REFUND + command.refundId())) {
			return;
		}
		Money paid = this.netPaid.getOrDefault(command.applicationId().value(), Money.ZERO);
		requirePositive(command.amount(), "a refund", "amount");
		check(BudgetRules.mayRefund(paid, command.amount()), ErrorCode.REFUND_EXCEEDS_PAID,
				"only " + paid + " was paid out to this application", "amount");
		apply(new RefundBooked(this.fundId, command.applicationId(), command.refundId(), command.amount()));
	}

	/**
	 * A compensating booking of a wrongly recorded payout: the money counts as not paid
	 * out; it stays reserved for the application (idempotent per reversal id).
	 */
	public void reversePayout(ApplicationId applicationId, String reversalId, String payoutId, Money amount) {
		if (this.bookedIds.contains(REVERSAL + reversalId)) {
			return;
		}
		Money paid = this.netPaid.getOrDefault(applicationId.value(), Money.ZERO);
		requirePositive(amount, "a reversal", "amount");
		check(!amount.isGreaterThan(paid), ErrorCode.REFUND_EXCEEDS_PAID,
				"only " + paid + " is paid out to this application", null);
		apply(new PayoutBookingReversed(this.fundId, applicationId, reversalId, payoutId, amount));
	}

	/**
	 * A compensating booking of a wrongly recorded refund: the money counts as paid out
	 * again and what the refund released is reserved for the application again, if the
	 * fund still has it (idempotent per reversal id).
	 */
	public void reverseRefund(ApplicationId applicationId, String reversalId, String refundId, Money amount) {
		if (this.bookedIds.contains(REVERSAL + reversalId)) {
			return;
		}
		requirePositive(amount, "a reversal", "amount");
		Money available = available();
		check(this.status == FundStatus.OPEN && BudgetRules.mayReserve(available, amount), ErrorCode.BUDGET_EXHAUSTED,
				"Der Fonds hat nur " + available + " verfügbar / the fund has only " + available + " available");
		apply(new RefundBookingReversed(this.fundId, applicationId, reversalId, refundId, amount));
	}

	@CommandHandler
	public void handle(CloseFundCommand command) {
		requireOpen();
		apply(new FundClosed(this.fundId, available()));
	}

	/**
	 * Money released after the closure lapses at once, as a lapse of its own: the
	 * movements then show every euro that lapsed.
	 */
	private void lapseIfClosed(ApplicationId application, Money released) {
		if (this.status == FundStatus.CLOSED) {
			apply(new FundsLapsed(this.fundId, application, released, FundsLapsed.AFTER_CLOSURE));
		}
	}

	@CommandHandler
	public void handle(SetWaitlistPolicyCommand command) {
		requireOpen();
		check(command.policy() != null, ErrorCode.INVALID_INPUT, "Warteliste: Regel fehlt / a policy is required",
				"policy");
		if (command.policy() == policy()) {
			// the same policy again: nothing changes, no new version
			return;
		}
		apply(new WaitlistPolicySet(this.fundId, command.policy(), this.waitlistPolicyVersion + 1));
		// first that fits may fund at once what waits behind a larger approval
		reserveForWaitingApprovals();
	}

	/**
	 * Released or added money goes to the waiting approvals in their order, as far as it
	 * reaches: under strict order the first that does not fit stops the line, under first
	 * that fits it is passed over.
	 */
	private void reserveForWaitingApprovals() {
		while (this.status == FundStatus.OPEN) {
			int next = BudgetRules.nextToServe(policy(), this.waitlist.stream().map(this::fit).toList(),
					this.waitlist.stream().map(Waiting::round).toList());
			if (next < 0) {
				return;
			}
			Waiting served = this.waitlist.get(next);
			reserve(new ApplicationId(served.applicationId()), served.amount(), served.round());
		}
	}

	private BudgetRules.Fit fit(Waiting waiting) {
		if (!BudgetRules.mayReserve(available(), waiting.amount())) {
			return BudgetRules.Fit.OVER_BUDGET;
		}
		return withinRoundShares(waiting.round(), waiting.amount()) ? BudgetRules.Fit.FITS : BudgetRules.Fit.OVER_SHARE;
	}

	/**
	 * A reservation names the policy that decided it (null while the fund keeps the
	 * default it opened with).
	 */
	private void reserve(ApplicationId application, Money amount, Integer round) {
		if (this.waitlistPolicyVersion == 0) {
			apply(new FundsReserved(this.fundId, application, amount, null, null, round));
		}
		else {
			apply(new FundsReserved(this.fundId, application, amount, policy(), this.waitlistPolicyVersion, round));
		}
	}

	@CommandHandler
	public void handle(AddCallRoundCommand command) {
		requireOpen();
		String name = command.name() == null ? "" : command.name().strip();
		check(!name.isEmpty() && name.length() <= 200, ErrorCode.INVALID_INPUT,
				"Name der Förderrunde fehlt oder ist zu lang / a round needs a name of at most 200 characters", "name");
		check(command.submissionDeadline() != null, ErrorCode.INVALID_INPUT,
				"Einreichungsfrist fehlt / a submission deadline is required", "submissionDeadline");
		List<CallRound> known = rounds();
		CallRound last = known.isEmpty() ? null : known.get(known.size() - 1);
		check(last == null || command.submissionDeadline().isAfter(last.submissionDeadline()), ErrorCode.INVALID_INPUT,
				"Die Frist muss nach der Frist der vorigen Runde liegen / the deadline must be after the previous round's ("
						+ (last == null ? "" : last.submissionDeadline()) + ")",
				"submissionDeadline");
		check(command.submissionDeadline().getYear() == this.year, ErrorCode.INVALID_INPUT,
				"Die Frist muss im Förderjahr liegen / the deadline must be in the fund's year " + this.year,
				"submissionDeadline");
		int before = known.stream().mapToInt(CallRound::budgetSharePercent).sum();
		Integer share = command.budgetSharePercent();
		check(share != null && share >= 1 && share + before <= 100, ErrorCode.INVALID_INPUT,
				"Die Anteile der Runden dürfen zusammen höchstens 100 % sein / the rounds' shares add up to at most 100 % ("
						+ before + " % given already)",
				"budgetSharePercent");
		apply(new CallRoundAdded(this.fundId, known.size() + 1, name, command.submissionDeadline(), share));
	}

	private List<CallRound> rounds() {
		return this.rounds == null ? List.of() : this.rounds;
	}

	/** A round the fund does not know (or none) counts as no round. */
	private Integer knownRound(Integer round) {
		return round != null && round >= 1 && round <= rounds().size() ? round : null;
	}

	/**
	 * Rounds 1..n never reserve more than their cumulative share, for every n from the
	 * approval's round on (an earlier round's late approval also counts in the later
	 * ones); outside rounds only the budget limits.
	 */
	private boolean withinRoundShares(Integer round, Money amount) {
		if (round == null) {
			return true;
		}
		List<CallRound> known = rounds();
		int cumulative = 0;
		for (CallRound r : known) {
			cumulative += r.budgetSharePercent();
			if (r.number() >= round
					&& !BudgetRules.withinShare(this.budget, cumulative, reservedInRoundsUpTo(r.number()), amount)) {
				return false;
			}
		}
		return true;
	}

	private Money reservedInRoundsUpTo(int number) {
		Map<String, Integer> byRound = this.roundOfReservation == null ? Map.of() : this.roundOfReservation;
		return byRound.entrySet()
			.stream()
			.filter(e -> e.getValue() <= number)
			.map(e -> this.reservations.getOrDefault(e.getKey(), Money.ZERO))
			.reduce(Money.ZERO, Money::plus);
	}

	private WaitlistPolicy policy() {
		return this.waitlistPolicy == null ? WaitlistPolicy.DEFAULT : this.waitlistPolicy;
	}

	private boolean isWaiting(String application) {
		return this.waitlist.stream().anyMatch(w -> w.applicationId().equals(application));
	}

	private void requireOpen() {
		if (this.status != FundStatus.OPEN) {
			throw new RuleViolationException(ErrorCode.FUND_CLOSED, "the fund is closed");
		}
	}

	private Money available() {
		return FundBudget.available(this.budget, this.reserved, this.lapsed);
	}

	/** What the fund's applications are decided against, as it stands now. */
	public FundTerms terms() {
		return new FundTerms(this.fundId, this.partnershipId, this.type, this.year, this.budget, this.perProjectCap,
				this.fastTrackLimit, this.spendWithinWeeks, this.proofOfUseDueWeeks, this.status == FundStatus.OPEN,
				this.receiptToleranceDays, rounds());
	}

	@EventSourcingHandler
	void on(FundOpened event) {
		this.fundId = event.fundId();
		this.partnershipId = event.partnershipId();
		this.type = event.type();
		this.year = event.year();
		this.perProjectCap = event.perProjectCap();
		this.fastTrackLimit = event.fastTrackLimit();
		this.spendWithinWeeks = event.spendWithinWeeksOrDefault();
		this.proofOfUseDueWeeks = event.proofOfUseDueWeeksOrDefault();
		this.receiptToleranceDays = event.receiptToleranceDaysOrDefault();
		this.status = FundStatus.OPEN;
		this.budget = event.budget();
		this.reserved = Money.ZERO;
		this.lapsed = Money.ZERO;
		this.reservations = new HashMap<>();
		this.netPaid = new HashMap<>();
		this.bookedIds = new HashSet<>();
		this.waitlist = new ArrayList<>();
		this.rounds = new ArrayList<>();
		this.roundOfReservation = new HashMap<>();
	}

	@EventSourcingHandler
	void on(BudgetAdjusted event) {
		this.budget = event.newBudget();
		this.bookedIds.add(ADJUSTMENT + event.adjustmentId());
	}

	@EventSourcingHandler
	void on(FundsReserved event) {
		this.reserved = this.reserved.plus(event.amount());
		this.reservations.put(event.applicationId().value(), event.amount());
		if (event.round() != null) {
			if (this.roundOfReservation == null) {
				this.roundOfReservation = new HashMap<>();
			}
			this.roundOfReservation.put(event.applicationId().value(), event.round());
		}
		this.waitlist.removeIf(w -> w.applicationId().equals(event.applicationId().value()));
	}

	@EventSourcingHandler
	void on(ReservationWaitlisted event) {
		this.waitlist.add(new Waiting(event.applicationId().value(), event.amount(), event.round()));
	}

	@EventSourcingHandler
	void on(CallRoundAdded event) {
		if (this.rounds == null) {
			this.rounds = new ArrayList<>();
		}
		this.rounds
			.add(new CallRound(event.number(), event.name(), event.submissionDeadline(), event.budgetSharePercent()));
	}

	@EventSourcingHandler
	void on(WaitlistEntryRemoved event) {
		this.waitlist.removeIf(w -> w.applicationId().equals(event.applicationId().value()));
	}

	@EventSourcingHandler
	void on(FundsReleased event) {
		if (event.releaseId() != null) {
			this.bookedIds.add(RELEASE + event.releaseId());
		}
		this.reserved = this.reserved.minus(event.amount());
		this.lapsed = this.lapsed.plus(event.lapsed());
		this.reservations.computeIfPresent(event.applicationId().value(), (id, money) -> money.minus(event.amount()));
	}

	@EventSourcingHandler
	void on(WaitlistPolicySet event) {
		this.waitlistPolicy = event.policy();
		this.waitlistPolicyVersion = event.version();
	}

	@EventSourcingHandler
	void on(FundsLapsed event) {
		this.lapsed = this.lapsed.plus(event.amount());
	}

	@EventSourcingHandler
	void on(PayoutBooked event) {
		this.netPaid.merge(event.applicationId().value(), event.amount(), Money::plus);
		this.bookedIds.add(PAYOUT + event.payoutId());
	}

	@EventSourcingHandler
	void on(RefundBooked event) {
		this.netPaid.merge(event.applicationId().value(), event.amount().negate(), Money::plus);
		this.bookedIds.add(REFUND + event.refundId());
	}

	@EventSourcingHandler
	void on(PayoutBookingReversed event) {
		this.netPaid.merge(event.applicationId().value(), event.amount().negate(), Money::plus);
		this.bookedIds.add(REVERSAL + event.reversalId());
	}

	@EventSourcingHandler
	void on(RefundBookingReversed event) {
		this.netPaid.merge(event.applicationId().value(), event.amount(), Money::plus);
		this.reserved = this.reserved.plus(event.amount());
		this.reservations.merge(event.applicationId().value(), event.amount(), Money::plus);
		this.bookedIds.add(REVERSAL + event.reversalId());
	}

	@EventSourcingHandler
	void on(FundClosed event) {
		this.status = FundStatus.CLOSED;
		this.lapsed = this.lapsed.plus(event.lapsed());
	}

}
