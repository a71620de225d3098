package de.pfd.grants.query.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.money.Money;

/**
 * Interest under § 49a VwVfG: five points above the base rate of § 247 BGB, per half-year
 * segment, actual/365, rounded to the cent once; the published rates as data.
 */
class InterestRulesTest {

	private static final BaseRates PUBLISHED = BaseRates.published("");

	private static LocalDate day(String day) {
		return LocalDate.parse(day);
	}

	@Test
	void a_whole_year_at_the_negative_base_rate_runs_at_four_point_one_two_percent() {
		// 2020-01-01 to 2020-12-31: 365 days at -0.88 + 5 = 4.12 %
		assertThat(InterestRules.interest(Money.euros("1000.00"), day("2020-01-01"), day("2020-12-31"), PUBLISHED))
			.isEqualTo(Money.euros("41.20"));
	}

	@Test
	void across_a_rate_change_each_segment_runs_at_its_own_rate() {
		// June 2023: 30 days at 1.62 + 5 = 6.62 %; July: 31 days at 3.12 + 5 = 8.12 %
		// 1000 x (6.62 x 30 + 8.12 x 31) / 36500 = 450320 / 36500 = 12.3375...
		assertThat(InterestRules.interest(Money.euros("1000.00"), day("2023-06-01"), day("2023-08-01"), PUBLISHED))
			.isEqualTo(Money.euros("12.34"));
	}

	@Test
	void across_two_rate_changes_from_the_negative_rate_on() {
		// December 2022: 31 days at 4.12 %; 1 January to 1 July 2023: 181 days at 6.62 %;
		// 1 to 15 July: 14 days at 8.12 %
		// 2000 x (127.72 + 1198.22 + 113.68) / 36500 = 2879240 / 36500 = 78.8833...
		assertThat(InterestRules.interest(Money.euros("2000.00"), day("2022-12-01"), day("2023-07-15"), PUBLISHED))
			.isEqualTo(Money.euros("78.88"));
	}

	@Test
	void the_sum_is_rounded_to_the_cent_once() {
		// 333.33 x 8.62 x 10 / 36500 = 0.78720...
		assertThat(InterestRules.interest(Money.euros("333.33"), day("2024-01-01"), day("2024-01-11"), PUBLISHED))
			.isEqualTo(Money.euros("0.79"));
		// two segments of half a cent each: rounded apart they would be 0.01 + 0.01
		BaseRates change = BaseRates
			.of(Map.of(day("2024-01-01"), new BigDecimal("0.00"), day("2024-01-02"), new BigDecimal("0.00")));
		// 36.50 x 5 x 1 / 36500 = 0.005 per day, two days = 0.01
		assertThat(InterestRules.interest(Money.euros("36.50"), day("2024-01-01"), day("2024-01-03"), change))
			.isEqualTo(Money.euros("0.01"));
	}

	@Test
	void no_days_or_no_money_bear_no_interest() {
		assertThat(InterestRules.interest(Money.euros("1000.00"), day("2024-03-01"), day("2024-03-01"), PUBLISHED))
			.isEqualTo(Money.ZERO);
		assertThat(InterestRules.interest(Money.euros("1000.00"), day("2024-03-02"), day("2024-03-01"), PUBLISHED))
			.isEqualTo(Money.ZERO);
		assertThat(InterestRules.interest(Money.ZERO, day("2024-03-01"), day("2024-06-01"), PUBLISHED))
			.isEqualTo(Money.ZERO);
	}

	@Test
	void a_rate_five_points_below_zero_or_lower_bears_no_interest_for_its_segment() {
		BaseRates deflation = BaseRates
			.of(Map.of(day("2024-01-01"), new BigDecimal("-6.00"), day("2024-01-11"), new BigDecimal("0.00")));
		// only the 10 days from 11 January at 5 %: 3650 x 5 x 10 / 36500 = 5.00
		assertThat(InterestRules.interest(Money.euros("3650.00"), day("2024-01-01"), day("2024-01-21"), deflation))
			.isEqualTo(Money.euros("5.00"));
	}

	@Test
	void the_published_table_holds_the_half_yearly_rates_and_configuration_extends_it() {
		assertThat(PUBLISHED.on(day("2019-01-01"))).isEqualByComparingTo("-0.88");
		assertThat(PUBLISHED.on(day("2022-12-31"))).isEqualByComparingTo("-0.88");
		assertThat(PUBLISHED.on(day("2023-01-01"))).isEqualByComparingTo("1.62");
		assertThat(PUBLISHED.on(day("2023-07-01"))).isEqualByComparingTo("3.12");
		assertThat(PUBLISHED.on(day("2024-01-01"))).isEqualByComparingTo("3.62");
		assertThat(PUBLISHED.on(day("2024-07-01"))).isEqualByComparingTo("3.37");
		assertThat(PUBLISHED.on(day("2025-01-01"))).isEqualByComparingTo("2.27");
		assertThat(PUBLISHED.on(day("2025-07-01"))).isEqualByComparingTo("1.27");
		assertThat(PUBLISHED.on(day("2026-12-31"))).isEqualByComparingTo("1.27");
		// before the first published day the first rate holds
		assertThat(PUBLISHED.on(day("2018-06-01"))).isEqualByComparingTo("-0.88");

		BaseRates extended = BaseRates.published("2026-07-01=1.50, 2027-01-01=2.00");
		assertThat(extended.on(day("2026-06-30"))).isEqualByComparingTo("1.27");
		assertThat(extended.on(day("2026-07-01"))).isEqualByComparingTo("1.50");
		assertThat(extended.on(day("2027-03-01"))).isEqualByComparingTo("2.00");
		// a configured rate takes part in the segments: 1000 x (6.27 x 31 + 6.50 x 31)
		assertThat(InterestRules.interest(Money.euros("1000.00"), day("2026-06-01"), day("2026-08-01"), extended))
			.isEqualTo(InterestRules.interest(Money.euros("1000.00"), day("2026-06-01"), day("2026-07-01"), extended)
				.plus(InterestRules.interest(Money.euros("1000.00"), day("2026-07-01"), day("2026-08-01"), extended)));
	}

	@Test
	void a_configured_rate_that_is_not_day_equals_percent_is_refused() {
		assertThatThrownBy(() -> BaseRates.published("2026-07-01:1.50")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BaseRates.published("July=1.50")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void interest_below_the_small_amount_limit_is_waived_and_shown() {
		Money limit = Money.euros("25.00");
		assertThat(InterestRules.waived(Money.euros("24.99"), limit)).isTrue();
		assertThat(InterestRules.waived(Money.euros("25.00"), limit)).isFalse();
		assertThat(InterestRules.waived(Money.ZERO, limit)).isFalse();
	}

	@Test
	void money_not_used_in_the_spending_period_bears_interest_from_its_spend_by_day() {
		RefundClaims claims = new RefundClaims(null, 4, new BigDecimal("25.00"), "");
		// spend by 2023-06-01, accounted for on 2023-08-01: the same 61 days as above
		Money interest = claims.unusedMoneyInterest(
				List.of(new RefundClaims.Payout(Money.euros("1000.00"), day("2023-06-01")),
						new RefundClaims.Payout(Money.euros("500.00"), day("2023-09-01"))),
				day("2023-08-01"), day("2024-01-01"));
		assertThat(interest).isEqualTo(Money.euros("12.34"));
		assertThat(claims.waived(interest)).isTrue();
	}

}
