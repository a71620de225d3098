package de.pfd.grants.shared.fund;

import java.time.Instant;
import java.time.LocalDate;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A fund's figures. reserved = money bound by approvals and not released; available =
 * budget - reserved - lapsed (lapsed is the rest that expired at year-end closing).
 * {@code asOf}: the instant of entry they stood at (null: now or by value date);
 * {@code asOfDate}: the day by value date they stood at the end of (null otherwise);
 * {@code existed}: false when asked for a time before the fund was opened (then every
 * figure is zero). {@code receiptToleranceDays}: how many days receipts may lie outside
 * the project period.
 */
public record FundBudget(FundId id, PartnershipId partnershipId, FundType type, int year, DecisionBodyType decisionBody,
		Money budget, Money reserved, Money paid, Money released, Money refunded, Money lapsed, Money available,
		Money requestedPending, Money perProjectCap, Money fastTrackLimit, FundStatus status, Instant asOf,
		int spendWithinWeeks, int proofOfUseDueWeeks, int receiptToleranceDays, LocalDate asOfDate, boolean existed) {

	/**
	 * The figures of a fund that existed, now or as of an instant, without a receipt
	 * tolerance.
	 */
	public FundBudget(FundId id, PartnershipId partnershipId, FundType type, int year, DecisionBodyType decisionBody,
			Money budget, Money reserved, Money paid, Money released, Money refunded, Money lapsed, Money available,
			Money requestedPending, Money perProjectCap, Money fastTrackLimit, FundStatus status, Instant asOf,
			int spendWithinWeeks, int proofOfUseDueWeeks) {
		this(id, partnershipId, type, year, decisionBody, budget, reserved, paid, released, refunded, lapsed, available,
				requestedPending, perProjectCap, fastTrackLimit, status, asOf, spendWithinWeeks, proofOfUseDueWeeks, 0,
				null, true);
	}

	/**
	 * available = budget - reserved - lapsed: the one formula, for the fund aggregate's
	 * decisions and for every figure and running balance the read side shows.
	 */
	public static Money available(Money budget, Money reserved, Money lapsed) {
		return budget.minus(reserved).minus(lapsed);
	}

}
