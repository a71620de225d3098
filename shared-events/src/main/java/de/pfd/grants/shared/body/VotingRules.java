package de.pfd.grants.shared.body;

import java.time.Duration;

/**
 * How a body decides, versioned: every change is a new version, and each decision names
 * the version it used. {@code quorumPercent}: more than this share of the eligible (not
 * recused) voting members must take part (abstentions count as taking part; default 50 =
 * "more than half"). Majority: more YES than NO (a tie fails). {@code circularDuration}:
 * default length of a written circular procedure.
 */
public record VotingRules(int version, int quorumPercent, Duration circularDuration) {

	public static VotingRules defaults() {
		return new VotingRules(1, 50, Duration.ofDays(14));
	}

}
