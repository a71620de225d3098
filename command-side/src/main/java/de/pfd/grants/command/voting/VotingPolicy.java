package de.pfd.grants.command.voting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteChoice;

/** How a vote is counted (see docs/domain.md), as plain functions. */
public final class VotingPolicy {

	private VotingPolicy() {
	}

	/**
	 * More than {@code quorumPercent} of the eligible members must take part: with 7
	 * eligible and 50 %, that is 4.
	 */
	public static int quorumRequired(int eligible, int quorumPercent) {
		return eligible * quorumPercent / 100 + 1;
	}

	/** A proposal passes with more YES than NO votes; a tie fails. */
	public static boolean passes(int yes, int no) {
		return yes > no;
	}

	/**
	 * Without quorum there is no decision; with it the body may send the application back
	 * for improvement; otherwise the majority approves or rejects.
	 */
	public static DecisionOutcome outcome(Tally tally, boolean returnForImprovement) {
		if (!tally.quorumReached()) {
			return DecisionOutcome.NO_DECISION;
		}
		if (returnForImprovement) {
			return DecisionOutcome.RETURNED;
		}
		return passes(tally.yes(), tally.no()) ? DecisionOutcome.APPROVED : DecisionOutcome.REJECTED;
	}

	/**
	 * The lead office decides alone only up to the fund's fast-track limit (none: never).
	 */
	public static boolean mayFastTrack(Money requested, Money fastTrackLimit) {
		return fastTrackLimit != null && requested != null && !requested.isGreaterThan(fastTrackLimit);
	}

	/**
	 * Counts the votes of the members who may vote: the snapshot minus the recused.
	 * Abstentions count as taking part.
	 */
	public static Tally tally(Set<String> eligibleSnapshot, Map<String, String> recused, Map<String, VoteChoice> votes,
			VotingRules rules) {
		int yes = 0;
		int no = 0;
		int abstain = 0;
		for (Map.Entry<String, VoteChoice> vote : votes.entrySet()) {
			if (!eligibleSnapshot.contains(vote.getKey()) || recused.containsKey(vote.getKey())) {
				continue;
			}
			switch (vote.getValue()) {
				case YES -> yes++;
				case NO -> no++;
				case ABSTAIN -> abstain++;
			}
		}
		int eligible = (int) eligibleSnapshot.stream().filter(member -> !recused.containsKey(member)).count();
		int participating = yes + no + abstain;
		int required = quorumRequired(eligible, rules.quorumPercent());
		return new Tally(yes, no, abstain, eligible, participating, required, eligible > 0 && participating >= required,
				List.copyOf(recused.keySet().stream().sorted().toList()));
	}

	/**
	 * A member who represents the applying organisation has a conflict of interest. For
	 * an application filed for an organisation by id, the ids count (each resolved to the
	 * organisation it stands for now, so a merged duplicate counts as the survivor): how
	 * a name is spelt does not matter. Applications from before organisations had ids
	 * name the organisation only by text: for them the names are compared
	 * ({@link #sameOrganisation}).
	 */
	public static boolean representsApplicant(Member member, OrganisationId applicant, String applicantName,
			UnaryOperator<OrganisationId> resolve) {
		if (applicant == null) {
			return sameOrganisation(member.organisation(), applicantName);
		}
		OrganisationId applying = resolve.apply(applicant);
		return member.organisationIds().stream().map(resolve).anyMatch(applying::equals);
	}

	/**
	 * A member whose organisation is the applicant has a conflict of interest. Compared
	 * without case, surrounding blanks and repeated blanks.
	 */
	public static boolean sameOrganisation(String memberOrganisation, String applicantOrganisation) {
		if (memberOrganisation == null || applicantOrganisation == null) {
			return false;
		}
		return normalise(memberOrganisation).equals(normalise(applicantOrganisation))
				&& !normalise(memberOrganisation).isEmpty();
	}

	private static String normalise(String organisation) {
		// any kind of blank, also the non-breaking space of a pasted name
		return organisation.replaceAll("[\\p{Z}\\s]+", " ").strip().toLowerCase(Locale.GERMAN);
	}

}
