package de.pfd.grants.shared.application;

import java.math.BigDecimal;
import java.time.LocalDate;

import de.pfd.grants.shared.fund.FundId;

/**
 * How long the office and the deciding bodies take, per fund (or, with {@code fundId}
 * null, for all funds of the partnership), for the applications whose stage ended in the
 * period {@code from}..{@code to} (both inclusive, dates in Europe/Berlin; null = open).
 * The backlog of each stage is what waits in it now. {@code shareDecidedWithinTarget}: of
 * the applications decided in the period, the share (0 to 1) decided within
 * {@code targetDays} of being ready for decision (null before the first decision). The
 * last four fields repeat the first stage under their earlier names.
 */
public record ProcessingTimes(FundId fundId, LocalDate from, LocalDate to, int targetDays, Stages stages,
		BigDecimal shareDecidedWithinTarget, int backlog, long oldestWaitingDays, int checked,
		BigDecimal averageDaysToFormalCheck) {

	/** The three stages every application passes (docs/domain.md, processing times). */
	public record Stages(Stage submissionToCheck, Stage readyToDecision, Stage submissionToDecision) {
	}

	/**
	 * {@code averageDays}/{@code medianDays}: days (one decimal) over the {@code count}
	 * applications whose stage ended in the period (null when none did); {@code backlog}:
	 * applications in the stage now; {@code oldestWaitingDays}: whole days the oldest of
	 * them has waited (0 when none waits).
	 */
	public record Stage(BigDecimal averageDays, BigDecimal medianDays, int count, int backlog, long oldestWaitingDays) {
	}

}
