package de.pfd.grants.command.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.Bodies;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.body.Roster;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Builders for votes on the standard application (requesting 1,000.00 from the action
 * fund, so decided by the steering board).
 */
public final class Votes {

	public static final Instant NOW = Instant.parse("2019-06-03T10:00:00Z");

	public static final Instant CLOSES_AT = NOW.plus(Duration.ofDays(14));

	/**
	 * The default rules: version 1, more than 50 % must take part, 14 days by circular.
	 */
	public static final VotingRules RULES = VotingRules.defaults();

	public static final Money REQUESTED = Money.euros("1000.00");

	public static final String AUTOMATIC_RECUSAL = "Organisation des Mitglieds ist Antragsteller / member's organisation applies";

	public static final String CIRCULAR_NOTE = "Umlaufverfahren abgelaufen / circular procedure ended";

	private Votes() {
	}

	public static Money euros(String amount) {
		return Money.euros(amount);
	}

	// members and rosters

	public static String username(int number) {
		return "member-" + number;
	}

	/** A voting member of an organisation other than the applicant. */
	public static Member member(int number) {
		return new Member(username(number), "Mitglied " + number, "Verein " + number, true);
	}

	/** Voting members member-1 to member-size. */
	public static List<Member> board(int size) {
		return IntStream.rangeClosed(1, size).mapToObj(Votes::member).toList();
	}

	public static Member advisor() {
		return new Member("advisor-1", "Jugendamt", "Kreis Mettmann", false);
	}

	/** The steering board with these members (voting or not) and the default rules. */
	public static Roster steeringBoard(List<Member> members) {
		return Bodies.roster(DecisionBodyType.STEERING_BOARD, members, RULES);
	}

	/** A steering board of seven voting members under the default rules. */
	public static FixedRosters rosters() {
		return new FixedRosters().with(DecisionBodyType.STEERING_BOARD, steeringBoard(board(7)));
	}

	// commands

	public static OpenVoteCommand openMeeting() {
		return new OpenVoteCommand(Applications.APPLICATION, VoteProcedure.MEETING, null);
	}

	public static OpenVoteCommand openCircular(Instant closesAt) {
		return new OpenVoteCommand(Applications.APPLICATION, VoteProcedure.CIRCULAR, closesAt);
	}

	public static CastVoteCommand cast(int member, VoteChoice choice) {
		return new CastVoteCommand(Applications.APPLICATION, username(member), choice);
	}

	public static CloseVoteCommand close() {
		return close(null, null, false, null);
	}

	public static CloseVoteCommand close(Money approvedAmount, String conditions, boolean returnForImprovement,
			String note) {
		return new CloseVoteCommand(Applications.APPLICATION, approvedAmount, conditions, returnForImprovement, note);
	}

	public static DecideOnFastTrackCommand fastTrack(boolean approve, Money approvedAmount, String conditions,
			String note) {
		return new DecideOnFastTrackCommand(Applications.APPLICATION, approve, approvedAmount, conditions, note);
	}

	// events

	public static VoteOpened opened(List<Member> eligible) {
		return new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING, null,
				eligible, RULES);
	}

	public static VoteOpened openedCircular(Instant closesAt, List<Member> eligible) {
		return new VoteOpened(Applications.APPLICATION, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.CIRCULAR,
				closesAt, eligible, RULES);
	}

	public static VoteCast voted(int member, VoteChoice choice) {
		return new VoteCast(Applications.APPLICATION, username(member), choice);
	}

	/** 3 YES, 1 NO of members 1 to 4: enough of 7 to approve. */
	public static Object[] approvingVotes() {
		return new Object[] { voted(1, VoteChoice.YES), voted(2, VoteChoice.YES), voted(3, VoteChoice.YES),
				voted(4, VoteChoice.NO) };
	}

	public static Tally tally(int yes, int no, int abstain, int eligible, int participating, int quorumRequired,
			boolean quorumReached, String... recused) {
		return new Tally(yes, no, abstain, eligible, participating, quorumRequired, quorumReached, List.of(recused));
	}

	/**
	 * Decided by the steering board on version 1 under rules version 1; an approval is of
	 * a project that started on 1 May 2019, before the day of the approval, and approves
	 * no early start.
	 */
	public static ApplicationDecided decided(DecisionOutcome outcome, Money approvedAmount, String conditions,
			String note, Tally tally) {
		boolean approves = outcome == DecisionOutcome.APPROVED;
		return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, outcome,
				DecidedBy.STEERING_BOARD, approvedAmount, conditions, note, tally, 1, RULES.version(), null,
				approves ? true : null, approves ? false : null);
	}

	/** A circular vote closed at its deadline: the decision is dated at the deadline. */
	public static ApplicationDecided decidedAtDeadline(DecisionOutcome outcome, Money approvedAmount, Tally tally,
			Instant closesAt) {
		boolean approves = outcome == DecisionOutcome.APPROVED;
		return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, outcome,
				DecidedBy.STEERING_BOARD, approvedAmount, null, CIRCULAR_NOTE, tally, 1, RULES.version(), closesAt,
				approves ? true : null, approves ? false : null);
	}

	/** The requested 1,000.00 approved by the lead office. */
	public static ApplicationDecided fastTrackApproved() {
		return fastTrackApproved(REQUESTED, null);
	}

	public static ApplicationDecided fastTrackApproved(Money amount, String conditions) {
		return new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
				DecidedBy.LEAD_OFFICE, amount, conditions, null, null, 1, 0, null, true, false);
	}

	/** A meeting without quorum: nobody voted. */
	public static ApplicationDecided noDecision() {
		return decided(DecisionOutcome.NO_DECISION, null, null, null, tally(0, 0, 0, 7, 0, 4, false));
	}

}
