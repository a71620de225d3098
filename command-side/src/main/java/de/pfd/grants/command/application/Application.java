package de.pfd.grants.command.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.voting.VotingPolicy;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.fund.DecisionBodyType;
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
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FundTerms;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;
import de.pfd.grants.shared.fund.FundId;

/**
 * An application for money from one fund, from the first draft on. Only its owner (the
 * applicant who drafted it) may change, submit or withdraw it; to anybody else it does
 * not exist.
 */
@Aggregate
public class Application {

	static final String CIRCULAR_VOTE_CLOSES = "circular-vote-closes";

	static final String PROOF_OF_USE_DUE = "proof-of-use-due";

	static final int MAX_TEXT = 4000;

	private static final String REQUEST = "request:";

	private static final String PAYOUT = "payout:";

	private static final String REFUND = "refund:";

	/** Once decided against, or given up, an application stays as it is. */
	private static final Set<ApplicationStatus> FINAL = EnumSet.of(ApplicationStatus.WITHDRAWN,
			ApplicationStatus.REJECTED, ApplicationStatus.SETTLED);

	@AggregateIdentifier
	private ApplicationId applicationId;

	private FundId fundId;

	private String owner;

	private ApplicationStatus status;

	private ApplicationContent content;

	/** Number of submitted versions so far. */
	private int version;

	/** The current (or last) vote; null before the first. */
	private Ballot ballot;

	/** Votes held so far; names the deadline of each circular vote. */
	private int round;

	private Money approvedAmount;

	private String conditions;

	private boolean fundsReserved;

	private boolean noticeIssued;

	private boolean noticeConfirmed;

	private Money requestedPayouts = Money.ZERO;

	private Money paid = Money.ZERO;

	private Set<String> paymentIds = new HashSet<>();

	private boolean proofSubmitted;

	private Money refundDue = Money.ZERO;

	private Money refunded = Money.ZERO;

	private Money finalGrant;

	/** The state of a vote: who may vote (snapshot), who is recused, who voted what. */
	static final class Ballot {

		DecisionBodyType body;

		VotingRules rules;

		Map<String, Member> eligible = new LinkedHashMap<>();

		Map<String, String> recused = new LinkedHashMap<>();

		Map<String, VoteChoice> votes = new LinkedHashMap<>();

	}

	protected Application() {
	}

	@CommandHandler
	public Application(CreateApplicationCommand command) {
		requireOpen(command.fund());
		List<FieldViolation> problems = ApplicationRules.draftProblems(command.content(), command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.INVALID_INPUT, problems);
		}
		apply(new ApplicationDrafted(command.applicationId(), command.partnershipId(), command.fund().fundId(),
				command.owner(), command.content()));
	}

	@CommandHandler
	public void handle(UpdateApplicationCommand command) {
		requireOwner(command.requestedBy());
		requireSameFund(command.fund());
		if (!this.status.isEditable()) {
			throw wrongStatus("changed");
		}
		List<FieldViolation> problems = ApplicationRules.draftProblems(command.content(), command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.INVALID_INPUT, problems);
		}
		apply(new ApplicationDraftUpdated(this.applicationId, command.content()));
	}

	@CommandHandler
	public void handle(SubmitApplicationCommand command) {
		requireOwner(command.requestedBy());
		requireSameFund(command.fund());
		if (this.status == ApplicationStatus.SUBMITTED) {
			// a double click or a retried request: already done, nothing new
			return;
		}
		if (!this.status.isEditable()) {
			throw wrongStatus("submitted");
		}
		requireOpen(command.fund());
		List<FieldViolation> problems = ApplicationRules.submissionProblems(this.content, command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.SUBMISSION_INVALID, problems);
		}
		apply(new ApplicationSubmitted(this.applicationId, this.fundId, this.version + 1, this.content));
	}

	@CommandHandler
	public void handle(PerformFormalCheckCommand command) {
		if (this.status != ApplicationStatus.SUBMITTED) {
			throw wrongStatus("checked");
		}
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		switch (command.outcome()) {
			case ACCEPTED -> apply(new ApplicationAccepted(this.applicationId, this.version, note));
			case RETURNED -> apply(new ApplicationReturnedForRevision(this.applicationId, this.version,
					requireNote(note, "returning an application needs a note on what to revise")));
			case REJECTED -> apply(new ApplicationRejectedAsIneligible(this.applicationId, this.version,
					requireNote(note, "rejecting an application needs a reason")));
		}
	}

	@CommandHandler
	public void handle(WithdrawApplicationCommand command) {
		requireOwner(command.requestedBy());
		if (FINAL.contains(this.status) || this.status == ApplicationStatus.PROOF_OF_USE_SUBMITTED
				|| this.status == ApplicationStatus.REFUND_DUE) {
			throw wrongStatus("withdrawn");
		}
		if (this.paid.isPositive()) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"an application can be withdrawn only before its first payout");
		}
		String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
		apply(new ApplicationWithdrawn(this.applicationId, this.fundId, this.status, reason));
	}

	@CommandHandler
	public void handle(OpenVoteCommand command, DeadlineManager deadlines) {
		if (this.status != ApplicationStatus.READY_FOR_DECISION && this.status != ApplicationStatus.NO_DECISION) {
			throw wrongStatus("put to a vote");
		}
		List<Member> voting = command.members().stream().filter(Member::voting).toList();
		if (voting.isEmpty()) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "the body has no voting members");
		}
		Instant closesAt = command.closesAt();
		if (command.procedure() == VoteProcedure.CIRCULAR) {
			if (closesAt == null || !closesAt.isAfter(GenericEventMessage.clock.instant())) {
				throw new RuleViolationException(ErrorCode.INVALID_INPUT,
						"a circular vote needs a closing time in the future", "closesAt");
			}
		}
		apply(new VoteOpened(this.applicationId, this.version, command.body(), command.procedure(), closesAt, voting,
				command.rules()));
		String applicant = this.content.applicant() == null ? null : this.content.applicant().organisation();
		for (Member member : voting) {
			if (VotingPolicy.sameOrganisation(member.organisation(), applicant)) {
				apply(new MemberRecused(this.applicationId, member.username(),
						"Organisation des Mitglieds ist Antragsteller / member's organisation applies", true));
			}
		}
		if (command.procedure() == VoteProcedure.CIRCULAR) {
			deadlines.schedule(closesAt, CIRCULAR_VOTE_CLOSES, this.round);
		}
	}

	@CommandHandler
	public void handle(CastVoteCommand command) {
		requireVoting(command.username());
		if (command.choice() == null) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "a vote is YES, NO or ABSTAIN", "vote");
		}
		if (command.choice() == this.ballot.votes.get(command.username())) {
			return;
		}
		apply(new VoteCast(this.applicationId, command.username(), command.choice()));
	}

	@CommandHandler
	public void handle(DeclareRecusalCommand command) {
		requireVoting(command.username());
		String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
		apply(new MemberRecused(this.applicationId, command.username(), reason, false));
	}

	@CommandHandler
	public void handle(CloseVoteCommand command, DeadlineManager deadlines) {
		if (this.status != ApplicationStatus.IN_VOTING) {
			throw wrongStatus("decided by closing a vote");
		}
		decide(command.approvedAmount(), command.conditions(), command.returnForImprovement(), command.note());
		// the deadline's id is not part of the event-sourced state: cancel by name within
		// this application
		deadlines.cancelAllWithinScope(CIRCULAR_VOTE_CLOSES);
	}

	/**
	 * A circular vote closes by itself at its deadline: the full requested amount if it
	 * passes.
	 */
	@DeadlineHandler(deadlineName = CIRCULAR_VOTE_CLOSES)
	void closeAtDeadline(Integer round) {
		if (this.status == ApplicationStatus.IN_VOTING && round != null && round == this.round) {
			decide(null, null, false, "Umlaufverfahren abgelaufen / circular procedure ended");
		}
	}

	private void decide(Money approved, String conditions, boolean returnForImprovement, String note) {
		Tally tally = VotingPolicy.tally(this.ballot.eligible.keySet(), this.ballot.recused, this.ballot.votes,
				this.ballot.rules);
		DecisionOutcome outcome;
		if (!tally.quorumReached()) {
			outcome = DecisionOutcome.NO_DECISION;
		}
		else if (returnForImprovement) {
			outcome = DecisionOutcome.RETURNED;
		}
		else if (VotingPolicy.passes(tally.yes(), tally.no())) {
			outcome = DecisionOutcome.APPROVED;
		}
		else {
			outcome = DecisionOutcome.REJECTED;
		}
		Money amount = outcome == DecisionOutcome.APPROVED ? approvedAmount(approved) : null;
		ApplicationDecided.DecidedBy by = this.ballot.body == DecisionBodyType.YOUTH_FORUM
				? ApplicationDecided.DecidedBy.YOUTH_FORUM : ApplicationDecided.DecidedBy.STEERING_BOARD;
		apply(new ApplicationDecided(this.applicationId, this.fundId, outcome, by, amount,
				outcome == DecisionOutcome.APPROVED ? blankToNull(conditions) : null, blankToNull(note), tally,
				this.version, this.ballot.rules.version()));
	}

	@CommandHandler
	public void handle(DecideOnFastTrackCommand command) {
		if (this.status != ApplicationStatus.READY_FOR_DECISION && this.status != ApplicationStatus.NO_DECISION) {
			throw wrongStatus("decided");
		}
		Money requested = this.content.requestedAmount();
		if (command.fastTrackLimit() == null || requested.isGreaterThan(command.fastTrackLimit())) {
			throw new RuleViolationException(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED,
					"requests above the fund's fast-track limit "
							+ (command.fastTrackLimit() == null ? "(none)" : command.fastTrackLimit())
							+ " are decided by vote");
		}
		if (command.approve()) {
			apply(new ApplicationDecided(this.applicationId, this.fundId, DecisionOutcome.APPROVED,
					ApplicationDecided.DecidedBy.LEAD_OFFICE, approvedAmount(command.approvedAmount()),
					blankToNull(command.conditions()), blankToNull(command.note()), null, this.version, 0));
		}
		else {
			apply(new ApplicationDecided(this.applicationId, this.fundId, DecisionOutcome.REJECTED,
					ApplicationDecided.DecidedBy.LEAD_OFFICE, null, null,
					requireNote(blankToNull(command.note()), "a rejection needs a reason"), null, this.version, 0));
		}
	}

	@CommandHandler
	public void handle(MarkFundsReservedCommand command) {
		if (this.fundsReserved) {
			return;
		}
		if (this.status != ApplicationStatus.APPROVED && this.status != ApplicationStatus.WAITLISTED) {
			throw wrongStatus("given money");
		}
		apply(new ApprovedFundsReserved(this.applicationId, command.amount()));
	}

	@CommandHandler
	public void handle(MarkWaitlistedCommand command) {
		if (this.status == ApplicationStatus.WAITLISTED || this.fundsReserved) {
			return;
		}
		if (this.status != ApplicationStatus.APPROVED) {
			throw wrongStatus("put on the waiting list");
		}
		apply(new ApprovalWaitlisted(this.applicationId, command.position()));
	}

	@CommandHandler
	public void handle(IssueGrantNoticeCommand command) {
		if (this.status != ApplicationStatus.APPROVED || !this.fundsReserved) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"a grant notice needs an approval whose money is reserved");
		}
		if (this.noticeIssued) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS, "the grant notice was issued already");
		}
		apply(new GrantNoticeIssued(this.applicationId, blankToNull(command.reference()), this.approvedAmount,
				this.conditions));
	}

	@CommandHandler
	public void handle(ConfirmGrantNoticeCommand command, DeadlineManager deadlines) {
		requireOwner(command.requestedBy());
		if (!this.noticeIssued) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS, "no grant notice has been issued yet");
		}
		if (this.noticeConfirmed) {
			return;
		}
		if (this.status != ApplicationStatus.APPROVED) {
			throw wrongStatus("confirmed");
		}
		LocalDate due = this.content.endDate().plusWeeks(command.proofOfUseDueWeeks());
		apply(new GrantNoticeConfirmed(this.applicationId, due));
		deadlines.schedule(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), PROOF_OF_USE_DUE, due);
	}

	@CommandHandler
	public void handle(RequestPayoutCommand command) {
		requireOwner(command.requestedBy());
		if (this.paymentIds.contains(REQUEST + command.requestId())) {
			return;
		}
		requireRunningGrant("paid out");
		check(command.amount().isPositive(), ErrorCode.INVALID_AMOUNT, "a payout request must be positive", "amount");
		Money open = this.approvedAmount.minus(this.requestedPayouts);
		check(!command.amount().isGreaterThan(open), ErrorCode.PAYOUT_REQUEST_EXCEEDS_APPROVAL,
				"only " + open + " of the approved " + this.approvedAmount + " can still be requested", "amount");
		String purpose = blankToNull(command.purpose());
		apply(new PayoutRequested(this.applicationId, command.requestId(), command.amount(), purpose));
	}

	@CommandHandler
	public void handle(RecordPayoutCommand command) {
		if (this.paymentIds.contains(PAYOUT + command.payoutId())) {
			return;
		}
		boolean balancePayment = this.finalGrant != null && this.status == ApplicationStatus.PROOF_OF_USE_SUBMITTED;
		if (!balancePayment) {
			requireRunningGrant("paid out");
		}
		check(command.amount().isPositive(), ErrorCode.INVALID_AMOUNT, "a payout must be positive", "amount");
		// after the settlement the rest of the final grant is paid without a request
		Money open = balancePayment ? this.finalGrant.minus(this.paid) : this.requestedPayouts.minus(this.paid);
		check(!command.amount().isGreaterThan(open), ErrorCode.PAYOUT_EXCEEDS_REQUEST,
				"only " + open + " is requested and not paid out yet", "amount");
		check(command.paidOn() != null, ErrorCode.INVALID_INPUT, "the payment date is required", "paidOn");
		apply(new PayoutRecorded(this.applicationId, this.fundId, command.payoutId(), command.amount(),
				command.paidOn(), blankToNull(command.reference()),
				command.paidOn().plusWeeks(command.spendWithinWeeks())));
		if (balancePayment && this.paid.equals(this.finalGrant)) {
			apply(new GrantSettled(this.applicationId, this.finalGrant));
		}
	}

	@CommandHandler
	public void handle(SubmitProofOfUseCommand command) {
		requireOwner(command.requestedBy());
		requireRunningGrant("accounted for");
		check(command.report() != null && !command.report().isBlank(), ErrorCode.INVALID_INPUT,
				"the proof of use needs a narrative report", "report");
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
		apply(new ProofOfUseSubmitted(this.applicationId, command.report().strip(), receipts, costs, income,
				costs.minus(income)));
	}

	@CommandHandler
	public void handle(ReviewProofOfUseCommand command) {
		if (this.status != ApplicationStatus.PROOF_OF_USE_SUBMITTED) {
			throw wrongStatus("reviewed");
		}
		if (!command.accept()) {
			apply(new ProofOfUseReturned(this.applicationId,
					requireNote(blankToNull(command.note()), "returning a proof of use needs a note")));
			return;
		}
		Money eligible = command.eligibleAmount();
		check(eligible != null && !eligible.isNegative() && !eligible.isGreaterThan(this.approvedAmount),
				ErrorCode.INVALID_AMOUNT,
				"the eligible amount must be between 0 and the approved " + this.approvedAmount, "eligibleAmount");
		Money grant = SettlementRules.finalGrant(this.approvedAmount, eligible);
		apply(new ProofOfUseAccepted(this.applicationId, this.fundId, eligible, grant, this.paid,
				SettlementRules.releasedAtSettlement(this.approvedAmount, grant, this.paid),
				SettlementRules.refundDue(grant, this.paid), blankToNull(command.note())));
		if (!this.refundDue.isPositive() && this.paid.equals(grant)) {
			apply(new GrantSettled(this.applicationId, grant));
		}
	}

	@CommandHandler
	public void handle(RecordRefundCommand command) {
		if (this.paymentIds.contains(REFUND + command.refundId())) {
			return;
		}
		if (this.status != ApplicationStatus.REFUND_DUE) {
			throw wrongStatus("refunded");
		}
		Money stillDue = this.refundDue.minus(this.refunded);
		check(command.amount().isPositive(), ErrorCode.INVALID_AMOUNT, "a refund must be positive", "amount");
		check(!command.amount().isGreaterThan(stillDue), ErrorCode.REFUND_EXCEEDS_CLAIM,
				"only " + stillDue + " is still due", "amount");
		check(command.receivedOn() != null, ErrorCode.INVALID_INPUT, "the date of receipt is required", "receivedOn");
		Money rest = stillDue.minus(command.amount());
		apply(new RefundRecorded(this.applicationId, this.fundId, command.refundId(), command.amount(),
				command.receivedOn(), rest));
		if (rest.isZero()) {
			apply(new GrantSettled(this.applicationId, this.finalGrant));
		}
	}

	/** The proof of use was not in on time: flag it for staff. */
	@DeadlineHandler(deadlineName = PROOF_OF_USE_DUE)
	void proofOfUseDue(LocalDate dueOn) {
		if (!this.proofSubmitted && this.status == ApplicationStatus.APPROVED) {
			apply(new ProofOfUseOverdue(this.applicationId, dueOn));
		}
	}

	/**
	 * Payouts and the proof of use belong to an approved grant whose notice is confirmed.
	 */
	private void requireRunningGrant(String action) {
		if (this.status != ApplicationStatus.APPROVED || !this.noticeConfirmed) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"only an approved grant with a confirmed grant notice can be " + action);
		}
	}

	private static void check(boolean condition, ErrorCode code, String message, String field) {
		if (!condition) {
			throw new RuleViolationException(code, message, field);
		}
	}

	private void requireVoting(String username) {
		if (this.status != ApplicationStatus.IN_VOTING) {
			throw new RuleViolationException(ErrorCode.NOT_ELIGIBLE_TO_VOTE,
					"there is no open vote on this application");
		}
		if (!this.ballot.eligible.containsKey(username)) {
			throw new RuleViolationException(ErrorCode.NOT_ELIGIBLE_TO_VOTE,
					"only voting members of the deciding body may vote on this application");
		}
		if (this.ballot.recused.containsKey(username)) {
			throw new RuleViolationException(ErrorCode.NOT_ELIGIBLE_TO_VOTE,
					"a recused member does not vote on this application");
		}
	}

	/**
	 * The body may approve less than requested, never more; nothing means the requested
	 * amount.
	 */
	private Money approvedAmount(Money approved) {
		Money requested = this.content.requestedAmount();
		if (approved == null) {
			return requested;
		}
		if (!approved.isPositive() || approved.isGreaterThan(requested)) {
			throw new RuleViolationException(ErrorCode.INVALID_AMOUNT,
					"the approved amount must be positive and at most the requested " + requested, "approvedAmount");
		}
		return approved;
	}

	/**
	 * Notes, conditions and reasons: text, stripped, at most {@value #MAX_TEXT}
	 * characters.
	 */
	private static String blankToNull(String text) {
		if (text != null && text.length() > MAX_TEXT) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "at most " + MAX_TEXT + " characters");
		}
		return text == null || text.isBlank() ? null : text.strip();
	}

	private void requireOwner(String requestedBy) {
		if (!this.owner.equals(requestedBy)) {
			// another applicant's application is not revealed as existing
			throw new RuleViolationException(ErrorCode.NOT_FOUND, "application not found");
		}
	}

	private void requireSameFund(FundTerms fund) {
		if (!this.fundId.equals(fund.fundId())) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "the fund of an application cannot change",
					"fundId");
		}
	}

	private static void requireOpen(FundTerms fund) {
		if (!fund.open()) {
			throw new RuleViolationException(ErrorCode.FUND_CLOSED, "the fund is closed for applications");
		}
	}

	private static String requireNote(String note, String message) {
		if (note == null) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, message, "note");
		}
		return note;
	}

	private RuleViolationException wrongStatus(String action) {
		return new RuleViolationException(ErrorCode.WRONG_STATUS,
				"an application in status " + this.status + " cannot be " + action);
	}

	private static RuleViolationException invalid(ErrorCode code, List<FieldViolation> problems) {
		String message = (code == ErrorCode.SUBMISSION_INVALID ? "the application cannot be submitted: "
				: "invalid application: ")
				+ problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
		return new RuleViolationException(code, message, problems);
	}

	@EventSourcingHandler
	void on(ApplicationDrafted event) {
		this.applicationId = event.applicationId();
		this.fundId = event.fundId();
		this.owner = event.owner();
		this.content = event.content();
		this.status = ApplicationStatus.DRAFT;
	}

	@EventSourcingHandler
	void on(ApplicationDraftUpdated event) {
		this.content = event.content();
	}

	@EventSourcingHandler
	void on(ApplicationSubmitted event) {
		this.version = event.version();
		this.status = ApplicationStatus.SUBMITTED;
	}

	@EventSourcingHandler
	void on(ApplicationAccepted event) {
		this.status = ApplicationStatus.READY_FOR_DECISION;
	}

	@EventSourcingHandler
	void on(ApplicationReturnedForRevision event) {
		this.status = ApplicationStatus.RETURNED_FOR_REVISION;
	}

	@EventSourcingHandler
	void on(ApplicationRejectedAsIneligible event) {
		this.status = ApplicationStatus.REJECTED;
	}

	@EventSourcingHandler
	void on(ApplicationWithdrawn event) {
		this.status = ApplicationStatus.WITHDRAWN;
	}

	@EventSourcingHandler
	void on(VoteOpened event) {
		this.round++;
		this.ballot = new Ballot();
		this.ballot.body = event.body();
		this.ballot.rules = event.rules();
		event.eligible().forEach(member -> this.ballot.eligible.put(member.username(), member));
		this.status = ApplicationStatus.IN_VOTING;
	}

	@EventSourcingHandler
	void on(VoteCast event) {
		this.ballot.votes.put(event.username(), event.choice());
	}

	@EventSourcingHandler
	void on(MemberRecused event) {
		this.ballot.recused.put(event.username(), event.reason() == null ? "" : event.reason());
		this.ballot.votes.remove(event.username());
	}

	@EventSourcingHandler
	void on(ApplicationDecided event) {
		this.status = switch (event.outcome()) {
			case APPROVED -> ApplicationStatus.APPROVED;
			case REJECTED -> ApplicationStatus.REJECTED;
			case RETURNED -> ApplicationStatus.RETURNED_FOR_REVISION;
			case NO_DECISION -> ApplicationStatus.NO_DECISION;
		};
		this.approvedAmount = event.approvedAmount();
		this.conditions = event.conditions();
	}

	@EventSourcingHandler
	void on(ApprovedFundsReserved event) {
		this.fundsReserved = true;
		this.status = ApplicationStatus.APPROVED;
	}

	@EventSourcingHandler
	void on(ApprovalWaitlisted event) {
		this.status = ApplicationStatus.WAITLISTED;
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
	void on(ProofOfUseSubmitted event) {
		this.proofSubmitted = true;
		this.status = ApplicationStatus.PROOF_OF_USE_SUBMITTED;
	}

	@EventSourcingHandler
	void on(ProofOfUseReturned event) {
		this.proofSubmitted = false;
		this.status = ApplicationStatus.APPROVED;
	}

	@EventSourcingHandler
	void on(ProofOfUseAccepted event) {
		this.finalGrant = event.finalGrant();
		this.refundDue = event.refundDue();
		// settled when nothing is due either way; a balance still to be paid keeps it
		// open
		this.status = event.refundDue().isPositive() ? ApplicationStatus.REFUND_DUE
				: ApplicationStatus.PROOF_OF_USE_SUBMITTED;
	}

	@EventSourcingHandler
	void on(RefundRecorded event) {
		this.refunded = this.refunded.plus(event.amount());
		this.paymentIds.add(REFUND + event.refundId());
	}

	@EventSourcingHandler
	void on(GrantSettled event) {
		this.status = ApplicationStatus.SETTLED;
	}

}
