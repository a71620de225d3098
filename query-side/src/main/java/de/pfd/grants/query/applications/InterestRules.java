package de.pfd.grants.query.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import de.pfd.grants.shared.money.Money;

/**
 * Interest on a refund claim (§ 49a VwVfG): five percentage points above the base rate,
 * per year, counted in days (actual/365). Shown, never booked.
 */
public final class InterestRules {

	static final BigDecimal POINTS_ABOVE_BASE_RATE = new BigDecimal("5");

	private InterestRules() {
	}

	/** Interest on {@code amount} from {@code from} to {@code to}; never negative. */
	public static Money interest(Money amount, LocalDate from, LocalDate to, BigDecimal baseRatePercent) {
		long days = ChronoUnit.DAYS.between(from, to);
		BigDecimal rate = baseRatePercent.add(POINTS_ABOVE_BASE_RATE);
		if (days <= 0 || rate.signum() <= 0 || !amount.isPositive()) {
			return Money.ZERO;
		}
		return Money.of(amount.amount()
			.multiply(rate)
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(36_500), 2, RoundingMode.HALF_UP));
	}

}
