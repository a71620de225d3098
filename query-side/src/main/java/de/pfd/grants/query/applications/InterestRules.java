package de.pfd.grants.query.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import de.pfd.grants.shared.money.Money;

/**
 * Interest under § 49a VwVfG: five percentage points above the base rate of § 247 BGB,
 * per year, counted in days (actual/365). The base rate changes every half year: each
 * segment between two changes runs at its own rate, and the sum is rounded to the cent
 * once. Shown, never booked; amounts below the small-amount limit are shown as waived.
 */
public final class InterestRules {

	static final BigDecimal POINTS_ABOVE_BASE_RATE = new BigDecimal("5");

	private static final BigDecimal DAYS_PER_YEAR_TIMES_PERCENT = BigDecimal.valueOf(36_500);

	private InterestRules() {
	}

	/**
	 * Interest on {@code amount} for the days from {@code from} (inclusive) to {@code to}
	 * (exclusive); never negative.
	 */
	public static Money interest(Money amount, LocalDate from, LocalDate to, BaseRates rates) {
		if (from == null || to == null || !to.isAfter(from) || !amount.isPositive()) {
			return Money.ZERO;
		}
		BigDecimal total = BigDecimal.ZERO;
		LocalDate start = from;
		BigDecimal base = rates.on(from);
		for (Map.Entry<LocalDate, BigDecimal> change : rates.changesAfter(from, to).entrySet()) {
			total = total.add(segment(amount, start, change.getKey(), base));
			start = change.getKey();
			base = change.getValue();
		}
		total = total.add(segment(amount, start, to, base));
		return Money.of(total.divide(DAYS_PER_YEAR_TIMES_PERCENT, 2, RoundingMode.HALF_UP));
	}

	/** amount × rate × days, in cent-percent-days (divided by 36,500 at the end). */
	private static BigDecimal segment(Money amount, LocalDate from, LocalDate to, BigDecimal baseRate) {
		BigDecimal rate = baseRate.add(POINTS_ABOVE_BASE_RATE);
		long days = ChronoUnit.DAYS.between(from, to);
		if (days <= 0 || rate.signum() <= 0) {
			return BigDecimal.ZERO;
		}
		return amount.amount().multiply(rate).multiply(BigDecimal.valueOf(days));
	}

	/** Interest below the small-amount limit is not claimed (shown as waived). */
	public static boolean waived(Money interest, Money smallAmountLimit) {
		return interest.isPositive() && interest.isLessThan(smallAmountLimit);
	}

}
