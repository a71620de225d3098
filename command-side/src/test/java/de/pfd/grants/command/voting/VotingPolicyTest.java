package de.pfd.grants.command.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteChoice;

class VotingPolicyTest {

	private static final VotingRules DEFAULTS = VotingRules.defaults();

	private static final Set<String> SEVEN = Set.of("m1", "m2", "m3", "m4", "m5", "m6", "m7");

	// quorumRequired

	@Test
	void more_than_half_of_7_members_is_4() {
		assertThat(VotingPolicy.quorumRequired(7, 50)).isEqualTo(4);
	}

	@Test
	void more_than_half_of_6_members_is_4_not_3() {
		assertThat(VotingPolicy.quorumRequired(6, 50)).isEqualTo(4);
	}

	@Test
	void more_than_half_of_5_members_is_3() {
		assertThat(VotingPolicy.quorumRequired(5, 50)).isEqualTo(3);
	}

	@Test
	void more_than_half_of_4_members_is_3() {
		assertThat(VotingPolicy.quorumRequired(4, 50)).isEqualTo(3);
	}

	@Test
	void a_single_member_forms_the_quorum_alone() {
		assertThat(VotingPolicy.quorumRequired(1, 50)).isEqualTo(1);
	}

	@Test
	void without_members_one_participant_would_still_be_needed() {
		assertThat(VotingPolicy.quorumRequired(0, 50)).isEqualTo(1);
	}

	@Test
	void a_quorum_of_0_percent_needs_one_participant() {
		assertThat(VotingPolicy.quorumRequired(7, 0)).isEqualTo(1);
	}

	@Test
	void a_quorum_of_99_percent_of_7_needs_all_7() {
		assertThat(VotingPolicy.quorumRequired(7, 99)).isEqualTo(7);
	}

	@Test
	void a_quorum_of_two_thirds_of_9_needs_more_than_6() {
		assertThat(VotingPolicy.quorumRequired(9, 66)).isEqualTo(6);
		assertThat(VotingPolicy.quorumRequired(9, 67)).isEqualTo(7);
	}

	// passes

	@Test
	void more_yes_than_no_passes() {
		assertThat(VotingPolicy.passes(3, 2)).isTrue();
		assertThat(VotingPolicy.passes(1, 0)).isTrue();
	}

	@Test
	void a_tie_fails() {
		assertThat(VotingPolicy.passes(2, 2)).isFalse();
		assertThat(VotingPolicy.passes(0, 0)).isFalse();
	}

	@Test
	void more_no_than_yes_fails() {
		assertThat(VotingPolicy.passes(1, 3)).isFalse();
	}

	// outcome

	private static Tally tally(int yes, int no, int abstain, boolean quorumReached) {
		return new Tally(yes, no, abstain, 7, yes + no + abstain, 4, quorumReached, List.of());
	}

	@Test
	void without_quorum_there_is_no_decision_whatever_the_votes() {
		assertThat(VotingPolicy.outcome(tally(3, 0, 0, false), false)).isEqualTo(DecisionOutcome.NO_DECISION);
	}

	@Test
	void without_quorum_a_return_for_improvement_is_no_decision_either() {
		assertThat(VotingPolicy.outcome(tally(3, 0, 0, false), true)).isEqualTo(DecisionOutcome.NO_DECISION);
	}

	@Test
	void with_quorum_the_body_may_return_the_application_for_improvement() {
		assertThat(VotingPolicy.outcome(tally(3, 1, 0, true), true)).isEqualTo(DecisionOutcome.RETURNED);
	}

	@Test
	void with_quorum_a_majority_of_yes_approves() {
		assertThat(VotingPolicy.outcome(tally(3, 1, 0, true), false)).isEqualTo(DecisionOutcome.APPROVED);
	}

	@Test
	void with_quorum_a_tie_rejects() {
		assertThat(VotingPolicy.outcome(tally(2, 2, 0, true), false)).isEqualTo(DecisionOutcome.REJECTED);
	}

	@Test
	void with_quorum_only_abstentions_reject() {
		assertThat(VotingPolicy.outcome(tally(0, 0, 4, true), false)).isEqualTo(DecisionOutcome.REJECTED);
	}

	// mayFastTrack

	@Test
	void a_request_up_to_the_fast_track_limit_may_be_fast_tracked() {
		assertThat(VotingPolicy.mayFastTrack(Money.euros("999.99"), Money.euros("1000.00"))).isTrue();
		assertThat(VotingPolicy.mayFastTrack(Money.euros("1000.00"), Money.euros("1000.00"))).isTrue();
	}

	@Test
	void a_request_one_cent_above_the_fast_track_limit_may_not() {
		assertThat(VotingPolicy.mayFastTrack(Money.euros("1000.01"), Money.euros("1000.00"))).isFalse();
	}

	@Test
	void a_fund_without_a_fast_track_limit_fast_tracks_nothing() {
		assertThat(VotingPolicy.mayFastTrack(Money.euros("0.01"), null)).isFalse();
	}

	@Test
	void a_missing_request_is_never_fast_tracked() {
		assertThat(VotingPolicy.mayFastTrack(null, Money.euros("1000.00"))).isFalse();
	}

	// tally

	@Test
	void tally_counts_yes_no_and_abstain_and_abstentions_take_part() {
		Tally tally = VotingPolicy.tally(SEVEN, Map.of(),
				votes("m1", VoteChoice.YES, "m2", VoteChoice.YES, "m3", VoteChoice.NO, "m4", VoteChoice.ABSTAIN),
				DEFAULTS);

		assertThat(tally).isEqualTo(new Tally(2, 1, 1, 7, 4, 4, true, List.of()));
	}

	@Test
	void tally_of_3_participants_among_7_misses_the_quorum() {
		Tally tally = VotingPolicy.tally(SEVEN, Map.of(),
				votes("m1", VoteChoice.YES, "m2", VoteChoice.YES, "m3", VoteChoice.YES), DEFAULTS);

		assertThat(tally.participating()).isEqualTo(3);
		assertThat(tally.quorumRequired()).isEqualTo(4);
		assertThat(tally.quorumReached()).isFalse();
	}

	@Test
	void tally_ignores_votes_of_recused_members_and_does_not_count_them_as_eligible() {
		Map<String, String> recused = new LinkedHashMap<>();
		recused.put("m7", "conflict of interest");
		recused.put("m2", "");

		Tally tally = VotingPolicy.tally(SEVEN, recused, votes("m1", VoteChoice.YES, "m2", VoteChoice.NO, "m3",
				VoteChoice.YES, "m4", VoteChoice.YES, "m7", VoteChoice.NO), DEFAULTS);

		// 5 eligible: more than half is 3; m2 and m7 do not count
		assertThat(tally).isEqualTo(new Tally(3, 0, 0, 5, 3, 3, true, List.of("m2", "m7")));
	}

	@Test
	void tally_lists_the_recused_sorted() {
		Map<String, String> recused = new LinkedHashMap<>();
		recused.put("m5", "");
		recused.put("m1", "");
		recused.put("m3", "");

		assertThat(VotingPolicy.tally(SEVEN, recused, Map.of(), DEFAULTS).recused()).containsExactly("m1", "m3", "m5");
	}

	@Test
	void tally_ignores_votes_of_members_outside_the_snapshot() {
		Tally tally = VotingPolicy.tally(SEVEN, Map.of(), votes("m1", VoteChoice.YES, "m2", VoteChoice.YES, "m3",
				VoteChoice.YES, "youth-forum-member", VoteChoice.NO), DEFAULTS);

		assertThat(tally).isEqualTo(new Tally(3, 0, 0, 7, 3, 4, false, List.of()));
	}

	@Test
	void tally_uses_the_quorum_of_the_rules() {
		VotingRules twoThirds = new VotingRules(2, 66, Duration.ofDays(14));

		Tally tally = VotingPolicy.tally(Set.of("m1", "m2", "m3"), Map.of(),
				votes("m1", VoteChoice.YES, "m2", VoteChoice.NO), twoThirds);

		assertThat(tally.quorumRequired()).isEqualTo(2);
		assertThat(tally.quorumReached()).isTrue();
	}

	@Test
	void tally_without_eligible_members_never_reaches_the_quorum() {
		Tally tally = VotingPolicy.tally(Set.of("m1"), Map.of("m1", ""), votes("m1", VoteChoice.YES), DEFAULTS);

		assertThat(tally).isEqualTo(new Tally(0, 0, 0, 0, 0, 1, false, List.of("m1")));
	}

	@Test
	void tally_of_an_empty_snapshot_has_no_quorum() {
		Tally tally = VotingPolicy.tally(Set.of(), Map.of(), Map.of(), DEFAULTS);

		assertThat(tally.eligible()).isZero();
		assertThat(tally.quorumReached()).isFalse();
	}

	// sameOrganisation

	@Test
	void the_same_organisation_matches() {
		assertThat(VotingPolicy.sameOrganisation("Demokratie leben e.V.", "Demokratie leben e.V.")).isTrue();
	}

	@Test
	void organisations_are_compared_ignoring_case() {
		assertThat(VotingPolicy.sameOrganisation("DEMOKRATIE LEBEN E.V.", "demokratie leben e.v.")).isTrue();
	}

	@Test
	void organisations_are_compared_ignoring_surrounding_and_repeated_blanks() {
		assertThat(VotingPolicy.sameOrganisation("  Demokratie   leben\te.V. ", "Demokratie leben e.V.")).isTrue();
	}

	@Test
	void different_organisations_do_not_match() {
		assertThat(VotingPolicy.sameOrganisation("Jugendring Mettmann", "Demokratie leben e.V.")).isFalse();
		assertThat(VotingPolicy.sameOrganisation("Demokratie leben", "Demokratie leben e.V.")).isFalse();
		assertThat(VotingPolicy.sameOrganisation("Demokratieleben e.V.", "Demokratie leben e.V.")).isFalse();
	}

	@Test
	void a_missing_organisation_never_matches() {
		assertThat(VotingPolicy.sameOrganisation(null, "Demokratie leben e.V.")).isFalse();
		assertThat(VotingPolicy.sameOrganisation("Demokratie leben e.V.", null)).isFalse();
		assertThat(VotingPolicy.sameOrganisation(null, null)).isFalse();
	}

	@Test
	void blank_organisations_never_match() {
		assertThat(VotingPolicy.sameOrganisation("", "")).isFalse();
		assertThat(VotingPolicy.sameOrganisation("  ", " \t ")).isFalse();
	}

	private static Map<String, VoteChoice> votes(Object... usernamesAndChoices) {
		Map<String, VoteChoice> votes = new LinkedHashMap<>();
		for (int i = 0; i < usernamesAndChoices.length; i += 2) {
			votes.put((String) usernamesAndChoices[i], (VoteChoice) usernamesAndChoices[i + 1]);
		}
		return votes;
	}

	@Test
	void a_pasted_non_breaking_space_does_not_hide_the_same_organisation() {
		assertThat(VotingPolicy.sameOrganisation("Kulturverein\u00A0Mettmann e.V.", "kulturverein mettmann e.v."))
			.isTrue();
	}

}
