package de.pfd.grants.command.voting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.body.Roster;
import de.pfd.grants.command.body.Rosters;
import de.pfd.grants.command.common.Checks;
import de.pfd.grants.persistence.SystemActor;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.fund.FundLedger;
import de.pfd.grants.command.fund.FundTerms;
import de.pfd.grants.command.organisation.Organisations;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.RecordMeetingVoteCommand;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * How an application is decided: by a vote of its fund's body (the voting members
 * snapshotted when the vote opens, recusals, votes that may change until the vote closes,
 * at a meeting or by circular procedure with a deadline), or by the lead office on the
 * fast track. Part of the {@link Application} aggregate.
 */
public class Ballot {

	/** The deadline of a circular vote (its name is stored with scheduled deadlines). */
	public static final String CIRCULAR_VOTE_CLOSES = "circular-vote-closes";

	private static final Set<ApplicationStatus> DECIDABLE = EnumSet.of(ApplicationStatus.READY_FOR_DECISION,
			ApplicationStatus.NO_DECISION);

	private final Application application;

	/** Votes held so far; names the deadline of each circular vote. */
	private int round;

	private DecisionBodyType body;

	private VotingRules rules;

	/** When the current circular vote closes (null at a meeting). */
	private Instant closesAt;

	/** How the current vote is held: at a meeting, or by circular procedure. */
	private VoteProcedure procedure;

	/** When the current vote was opened (a resolution is not dated before it). */
	private Instant openedAt;

	/** The current vote's proposal also approves an early start. */
	private boolean proposesEarlyStart;

	private final Map<String, Member> eligible = new LinkedHashMap<>();

	private final Map<String, String> recused = new LinkedHashMap<>();

	private final Map<String, VoteChoice> votes = new LinkedHashMap<>();

	public Ballot(Application application) {
		this.application = application;
	}

	@CommandHandler
	void handle(OpenVoteCommand command, DeadlineManager deadlines, FundLedger funds, Rosters rosters,
			Organisations organisations) {
		if (!DECIDABLE.contains(this.application.status())) {
			throw this.application.wrongStatus("put to a vote");
		}
		DecisionBodyType type = this.application.terms(funds).type().decisionBody();
		Roster roster = rosters.of(this.application.partnershipId(), type);
		if (roster.votingMembers().isEmpty()) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "the body has no voting members");
		}
		Instant closesAt = command.procedure() == VoteProcedure.CIRCULAR
				? circularDeadline(command.closesAt(), roster.rules()) : null;
		apply(new VoteOpened(this.application.applicationId(), this.application.version(), type, command.procedure(),
				closesAt, roster.votingMembers(), roster.rules(), command.proposeEarlyStart() ? Boolean.TRUE : null));
		String applicantName = this.application.content().applicant() == null ? null
				: this.application.content().applicant().organisation();
		OrganisationId applicant = this.application.organisationId();
		for (Member member : roster.votingMembers()) {
			if (VotingPolicy.representsApplicant(member, applicant, applicantName, organisations::resolve)) {
				apply(new MemberRecused(this.application.applicationId(), member.username(),
						"Organisation des Mitglieds ist Antragsteller / member's organisation applies", true));
			}
		}
		if (closesAt != null) {
			// closing at the deadline is the system's doing, not that of who opened the
			// vote
			deadlines.schedule(closesAt, CIRCULAR_VOTE_CLOSES,
					GenericDeadlineMessage.asDeadlineMessage(CIRCULAR_VOTE_CLOSES, this.round, closesAt)
						.andMetaData(SystemActor.METADATA));
		}
	}

	/**
	 * In the future, at most the longest circular procedure away; none: the body's
	 * duration.
	 */
	private static Instant circularDeadline(Instant requested, VotingRules rules) {
		Instant now = GenericEventMessage.clock.instant();
		Instant closesAt = requested == null ? now.plus(rules.circularDuration()) : requested;
		Checks.check(
				closesAt.isAfter(now)
						&& !closesAt.isAfter(now.plus(Duration.ofDays(OpenVoteCommand.LONGEST_CIRCULAR_DAYS))),
				ErrorCode.INVALID_INPUT,
				"Ende des Umlaufverfahrens in der Zukunft, höchstens " + OpenVoteCommand.LONGEST_CIRCULAR_DAYS
						+ " Tage / closesAt must lie within the next " + OpenVoteCommand.LONGEST_CIRCULAR_DAYS
						+ " days",
				"closesAt");
		return closesAt;
	}

	@CommandHandler
	void handle(CastVoteCommand command, Rosters rosters) {
		requireVoting(command.username(), rosters);
		Checks.check(command.choice() != null, ErrorCode.INVALID_INPUT, "a vote is YES, NO or ABSTAIN", "vote");
		if (command.choice() == this.votes.get(command.username())) {
			return;
		}
		apply(new VoteCast(this.application.applicationId(), command.username(), command.choice()));
	}

	@CommandHandler
	void handle(DeclareRecusalCommand command, Rosters rosters) {
		requireVoting(command.username(), rosters);
		apply(new MemberRecused(this.application.applicationId(), command.username(),
				Checks.optionalText(command.reason()), false));
	}

	/**
	 * A vote as minuted at a meeting, recorded by staff: only at a meeting (in a circular
	 * procedure each member votes in person), only for a member of the snapshot taken at
	 * the opening, and under the same rules as a member's own vote.
	 */
	@CommandHandler
	void handle(RecordMeetingVoteCommand command, Rosters rosters) {
		Checks.check(this.application.status() == ApplicationStatus.IN_VOTING, ErrorCode.WRONG_STATUS,
				"Über diesen Antrag wird gerade nicht abgestimmt / there is no open vote on this application", null);
		Checks.check(this.procedure == VoteProcedure.MEETING, ErrorCode.WRONG_STATUS,
				"Im Umlaufverfahren stimmen die Mitglieder selbst ab; Stimmen aus dem Protokoll werden nur für eine "
						+ "Abstimmung in der Sitzung erfasst / votes are recorded from the minutes only for a vote held at "
						+ "a meeting; in a circular procedure the members vote themselves",
				"member");
		Checks.check(command.username() != null && this.eligible.containsKey(command.username()),
				ErrorCode.NOT_ELIGIBLE_TO_VOTE,
				"Das Mitglied gehört nicht zu den Stimmberechtigten dieser Abstimmung / the member is not one of the "
						+ "voting members of this vote",
				"member");
		requireVoting(command.username(), rosters);
		if (command.recused()) {
			apply(new MemberRecused(this.application.applicationId(), command.username(),
					Checks.optionalText(command.reason()), false));
			return;
		}
		Checks.check(command.choice() != null, ErrorCode.INVALID_INPUT,
				"Ja, Nein, Enthaltung oder befangen / a vote is YES, NO or ABSTAIN", "vote");
		if (command.choice() == this.votes.get(command.username())) {
			return;
		}
		apply(new VoteCast(this.application.applicationId(), command.username(), command.choice()));
	}

	@CommandHandler
	void handle(CloseVoteCommand command, DeadlineManager deadlines, FundLedger funds) {
		if (this.application.status() != ApplicationStatus.IN_VOTING) {
			throw this.application.wrongStatus("decided by closing a vote");
		}
		if (outcome(command.returnForImprovement()) == DecisionOutcome.APPROVED) {
			requireOpenFund(funds);
		}
		Instant decidedAt = command.decidedAt();
		if (decidedAt != null) {
			// the minutes of a meeting recorded later: the resolution counts on the
			// meeting's day; a circular vote is decided when it is closed
			Checks.check(this.procedure == VoteProcedure.MEETING, ErrorCode.WRONG_STATUS,
					"Nur ein Beschluss einer Sitzung trägt den Tag der Sitzung / only a meeting's resolution is dated "
							+ "at the meeting",
					"decidedAt");
			Checks.check(!decidedAt.isAfter(GenericEventMessage.clock.instant()), ErrorCode.INVALID_INPUT,
					"Der Tag des Beschlusses liegt in der Zukunft / the resolution cannot be dated in the future",
					"decidedAt");
			Checks.check(this.openedAt == null || !decidedAt.isBefore(this.openedAt), ErrorCode.INVALID_INPUT,
					"Der Beschluss liegt vor der Eröffnung der Abstimmung / the resolution cannot be dated before the "
							+ "vote was opened",
					"decidedAt");
		}
		decide(command.approvedAmount(), command.conditions(), command.returnForImprovement(), command.note(),
				decidedAt, command.approveEarlyStart() || this.proposesEarlyStart);
		// the deadline's id is not part of the event-sourced state: cancel it
		// by name within this application
		deadlines.cancelAllWithinScope(CIRCULAR_VOTE_CLOSES);
	}

	/**
	 * At its deadline a circular vote closes with the full requested amount if it passes.
	 */
	public void closeAtDeadline(Integer round, FundLedger funds) {
		if (this.application.status() != ApplicationStatus.IN_VOTING || round == null || round != this.round) {
			return;
		}
		if (outcome(false) == DecisionOutcome.APPROVED && !this.application.terms(funds).open()) {
			// no approval without money: the vote stays open for staff to see
			return;
		}
		// dated at the deadline, also when it is recorded later (no node ran then)
		decide(null, null, false, "Umlaufverfahren abgelaufen / circular procedure ended", this.closesAt,
				this.proposesEarlyStart);
	}

	/** What closing the vote now would decide. */
	private DecisionOutcome outcome(boolean returnForImprovement) {
		return VotingPolicy.outcome(VotingPolicy.tally(this.eligible.keySet(), this.recused, this.votes, this.rules),
				returnForImprovement);
	}

	/**
	 * An approval reserves money: a closed fund has none to give, so it is refused before
	 * anything is stored (it would otherwise stay approved with nothing reserved).
	 */
	private void requireOpenFund(FundLedger funds) {
		Checks.check(this.application.terms(funds).open(), ErrorCode.FUND_CLOSED,
				"Der Fonds ist abgeschlossen; eine Bewilligung ist nicht mehr möglich / the fund is closed, nothing can "
						+ "be approved from it",
				null);
	}

	@CommandHandler
	void handle(DecideOnFastTrackCommand command, FundLedger funds) {
		if (!DECIDABLE.contains(this.application.status())) {
			throw this.application.wrongStatus("decided");
		}
		Money limit = this.application.terms(funds).fastTrackLimit();
		Checks.check(VotingPolicy.mayFastTrack(this.application.content().requestedAmount(), limit),
				ErrorCode.FAST_TRACK_LIMIT_EXCEEDED, "requests above the fund's fast-track limit "
						+ (limit == null ? "(none)" : limit) + " are decided by vote",
				null);
		if (command.approve()) {
			requireOpenFund(funds);
			boolean early = startsBeforeApproval(null);
			apply(decision(DecisionOutcome.APPROVED, approvedAmount(command.approvedAmount()),
					Checks.optionalText(command.conditions()), Checks.optionalText(command.note()), early,
					early && command.approveEarlyStart()));
		}
		else {
			apply(decision(DecisionOutcome.REJECTED, null, null,
					Checks.requiredText(command.note(), "a rejection needs a reason", "note"), null, null));
		}
	}

	private void decide(Money approved, String conditions, boolean returnForImprovement, String note, Instant decidedAt,
			boolean approveEarlyStart) {
		Tally tally = VotingPolicy.tally(this.eligible.keySet(), this.recused, this.votes, this.rules);
		DecisionOutcome outcome = VotingPolicy.outcome(tally, returnForImprovement);
		boolean approves = outcome == DecisionOutcome.APPROVED;
		DecidedBy by = this.body == DecisionBodyType.YOUTH_FORUM ? DecidedBy.YOUTH_FORUM : DecidedBy.STEERING_BOARD;
		Boolean early = approves ? startsBeforeApproval(decidedAt) : null;
		apply(new ApplicationDecided(this.application.applicationId(), this.application.fundId(), outcome, by,
				approves ? approvedAmount(approved) : null, approves ? Checks.optionalText(conditions) : null,
				Checks.optionalText(note), tally, this.application.version(), this.rules.version(), decidedAt, early,
				approves ? early && approveEarlyStart : null, approves ? this.application.round() : null));
	}

	/**
	 * Whether the project starts before the day of an approval now (or dated
	 * {@code decidedAt}), in the partnership's time zone: it needs an early start
	 * (vorzeitiger Maßnahmebeginn) approved with it.
	 */
	private boolean startsBeforeApproval(Instant decidedAt) {
		LocalDate start = this.application.content().startDate();
		Instant at = decidedAt != null ? decidedAt : GenericEventMessage.clock.instant();
		return start != null && start.isBefore(PartnershipCalendar.dayOf(at));
	}

	/** A decision of the lead office on the fast track: no tally, no rule version. */
	private ApplicationDecided decision(DecisionOutcome outcome, Money amount, String conditions, String note,
			Boolean startsBeforeApproval, Boolean earlyStartApproved) {
		return new ApplicationDecided(this.application.applicationId(), this.application.fundId(), outcome,
				DecidedBy.LEAD_OFFICE, amount, conditions, note, null, this.application.version(), 0, null,
				startsBeforeApproval, earlyStartApproved,
				outcome == DecisionOutcome.APPROVED ? this.application.round() : null);
	}

	/**
	 * The body may approve less than requested, never more; none means the requested
	 * amount.
	 */
	private Money approvedAmount(Money approved) {
		Money requested = this.application.content().requestedAmount();
		if (approved == null) {
			return requested;
		}
		Checks.check(approved.isPositive() && !approved.isGreaterThan(requested), ErrorCode.INVALID_AMOUNT,
				"the approved amount must be positive and at most the requested " + requested, "approvedAmount");
		return approved;
	}

	/**
	 * Who votes: a member of the snapshot taken at the opening, not recused, and still a
	 * voting member of the body now (rights follow the membership events: a member
	 * removed during the vote, or made advisory, votes no more from that moment).
	 */
	private void requireVoting(String username, Rosters rosters) {
		Checks.check(this.application.status() == ApplicationStatus.IN_VOTING, ErrorCode.NOT_ELIGIBLE_TO_VOTE,
				"there is no open vote on this application", null);
		Checks.check(this.eligible.containsKey(username), ErrorCode.NOT_ELIGIBLE_TO_VOTE,
				"only voting members of the deciding body may vote on this application", null);
		Checks.check(!this.recused.containsKey(username), ErrorCode.NOT_ELIGIBLE_TO_VOTE,
				"a recused member does not vote on this application", null);
		Checks.check(
				rosters.of(this.application.partnershipId(), this.body)
					.votingMembers()
					.stream()
					.anyMatch(member -> member.username().equals(username)),
				ErrorCode.NOT_ELIGIBLE_TO_VOTE,
				"Kein stimmberechtigtes Mitglied des Gremiums mehr / no longer a voting member of the deciding body",
				null);
	}

	@EventSourcingHandler
	void on(VoteOpened event, @Timestamp Instant at) {
		this.openedAt = at;
		this.round++;
		this.body = event.body();
		this.rules = event.rules();
		this.closesAt = event.closesAt();
		this.procedure = event.procedure();
		this.proposesEarlyStart = Boolean.TRUE.equals(event.proposesEarlyStart());
		this.eligible.clear();
		this.recused.clear();
		this.votes.clear();
		event.eligible().forEach(member -> this.eligible.put(member.username(), member));
	}

	@EventSourcingHandler
	void on(VoteCast event) {
		this.votes.put(event.username(), event.choice());
	}

	@EventSourcingHandler
	void on(MemberRecused event) {
		this.recused.put(event.username(), event.reason() == null ? "" : event.reason());
		this.votes.remove(event.username());
	}

}
