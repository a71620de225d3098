package de.pfd.grants.shared.application;

import java.math.BigDecimal;

import de.pfd.grants.shared.fund.FundId;

/**
 * {@code backlog}: submitted applications not yet checked;
 * {@code averageDaysToFormalCheck}: mean days from a submission to its check outcome over
 * all checks so far (null before the first); {@code targetDays}: the district's target
 * (three weeks).
 */
public record ProcessingTimes(FundId fundId, int backlog, long oldestWaitingDays, int checked,
		BigDecimal averageDaysToFormalCheck, int targetDays) {
}
