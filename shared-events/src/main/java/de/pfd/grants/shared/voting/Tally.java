package de.pfd.grants.shared.voting;

import java.util.List;

/**
 * The count behind a decision: {@code eligible} voting members not recused, how many took
 * part (abstentions count), the minimum needed for the quorum, and who was recused.
 */
public record Tally(int yes, int no, int abstain, int eligible, int participating, int quorumRequired,
		boolean quorumReached, List<String> recused) {

	public Tally {
		recused = recused == null ? List.of() : List.copyOf(recused);
	}

}
