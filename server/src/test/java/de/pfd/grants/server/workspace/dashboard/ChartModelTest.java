package de.pfd.grants.server.workspace.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.server.fund.ApplicationStage;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.money.Money;

/**
 * The dashboard's chart models place exactly what they are given: nice scales, paths
 * through the values, bars as long as their values, gaps where a month has none.
 */
class ChartModelTest {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void a_scale_rounds_its_top_up_to_a_nice_step() {
		ChartScale scale = ChartScale.of(d("35000.00"), 5, false, d("200"));
		assertThat(scale.step()).isEqualByComparingTo("10000");
		assertThat(scale.top()).isEqualByComparingTo("40000");
		assertThat(scale.ticks()).extracting(BigDecimal::toPlainString)
			.containsExactly("0", "10000", "20000", "30000", "40000");
		assertThat(scale.position(d("10000"))).isEqualByComparingTo("50.0");
		assertThat(scale.position(d("35000"))).isEqualByComparingTo("175.0");
		assertThat(scale.position(d("40000"))).isEqualByComparingTo("200.0");
	}

	@Test
	void a_scale_uses_steps_of_two_and_a_half_and_five_too() {
		assertThat(ChartScale.of(d("2400"), 5, false, d("100")).step()).isEqualByComparingTo("500");
		assertThat(ChartScale.of(d("1100"), 5, false, d("100")).step()).isEqualByComparingTo("250");
		assertThat(ChartScale.of(d("1100"), 5, false, d("100")).top()).isEqualByComparingTo("1250");
		assertThat(ChartScale.of(d("900"), 5, false, d("100")).step()).isEqualByComparingTo("200");
		assertThat(ChartScale.of(d("1000"), 5, false, d("100")).top()).isEqualByComparingTo("1000");
	}

	@Test
	void a_scale_of_counts_has_whole_steps() {
		ChartScale scale = ChartScale.of(d("3"), 4, true, d("100"));
		assertThat(scale.step()).isEqualByComparingTo("1");
		assertThat(scale.top()).isEqualByComparingTo("3");
		assertThat(ChartScale.of(d("10"), 4, true, d("100")).step()).isEqualByComparingTo("5");
		assertThat(ChartScale.of(d("1"), 4, true, d("100")).ticks()).extracting(BigDecimal::toPlainString)
			.containsExactly("0", "1");
	}

	@Test
	void a_scale_of_nothing_still_has_a_top_and_draws_negatives_at_zero() {
		ChartScale scale = ChartScale.of(BigDecimal.ZERO, 5, false, d("100"));
		assertThat(scale.top()).isEqualByComparingTo("1");
		assertThat(scale.position(d("-5"))).isEqualByComparingTo("0");
		assertThat(scale.position(null)).isEqualByComparingTo("0");
	}

	@Test
	void money_over_time_places_the_days_by_date_and_the_money_by_amount() {
		LocalDate from = LocalDate.of(2026, 1, 1);
		LocalDate to = LocalDate.of(2026, 12, 31);
		MoneyOverTimeChart chart = MoneyOverTimeChart.of(from, to,
				List.of(figures("2026-01-01", "0.00", "0.00", "0.00"),
						figures("2026-07-02", "35000.00", "10000.00", "5000.00"),
						figures("2026-12-31", "40000.00", "20000.00", "20000.00")));
		// plot: x 88..608 over 364 days, y 260 (zero) up 244 pixels to 40,000 at 16
		assertThat(chart.scale().top()).isEqualByComparingTo("40000");
		assertThat(chart.points()).extracting(p -> p.x().toPlainString()).containsExactly("88.0", "348.0", "608.0");
		assertThat(chart.points().get(1).budgetY()).isEqualByComparingTo("46.5");
		assertThat(chart.points().get(1).reservedY()).isEqualByComparingTo("199.0");
		assertThat(chart.points().get(1).paidY()).isEqualByComparingTo("229.5");
		assertThat(chart.budgetLine()).isEqualTo("M88.0 260.0 L348.0 46.5 L608.0 16.0");
		assertThat(chart.reservedArea()).isEqualTo("M88.0 260.0 L88.0 260.0 L348.0 199.0 L608.0 138.0 L608.0 260.0 Z");
		assertThat(chart.paidArea()).endsWith("L608.0 138.0 L608.0 260.0 Z");
		assertThat(chart.yTicks()).extracting(t -> t.value().amount().toPlainString())
			.containsExactly("0.00", "10000.00", "20000.00", "30000.00", "40000.00");
		assertThat(chart.yTicks()).extracting(t -> t.y().toPlainString())
			.containsExactly("260.0", "199.0", "138.0", "77.0", "16.0");
		assertThat(chart.xTicks()).hasSize(12);
		assertThat(chart.xTicks().get(0).day()).isEqualTo(from);
		assertThat(chart.xTicks().get(0).x()).isEqualByComparingTo("88.0");
		assertThat(chart.viewBox()).isEqualTo("0 0 640 300");
	}

	@Test
	void money_over_time_labels_at_most_twelve_months_and_a_single_day_still_draws() {
		MoneyOverTimeChart two = MoneyOverTimeChart.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 3),
				List.of(figures("2026-12-03", "100.00", "0.00", "0.00")));
		assertThat(two.xTicks()).hasSize(12);
		assertThat(two.xTicks().get(1).day()).isEqualTo(LocalDate.of(2025, 3, 1));
		MoneyOverTimeChart one = MoneyOverTimeChart.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3),
				List.of(figures("2026-12-03", "100.00", "50.00", "0.00")));
		assertThat(one.budgetLine()).isEqualTo("M88.0 16.0");
		assertThat(one.xTicks()).isEmpty();
		assertThatThrownBy(() -> MoneyOverTimeChart.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void bars_are_as_long_as_their_values_and_grouped_per_category() {
		BarChart chart = BarChart.of(
				List.of(List.of(d("3000.00"), d("2000.00"), d("500.00")), List.of(d("0.00"), d("0.00"), d("0.00"))),
				false);
		// 340 pixels for 3,000 (step 1,000)
		assertThat(chart.scale().top()).isEqualByComparingTo("3000");
		assertThat(chart.groups()).hasSize(2);
		BarChart.Bar approved = chart.groups().get(0).bars().get(0);
		assertThat(approved.x()).isEqualTo(190);
		assertThat(approved.width()).isEqualByComparingTo("340.0");
		assertThat(approved.y()).isEqualTo(8);
		assertThat(chart.groups().get(0).bars().get(1).width()).isEqualByComparingTo("226.7");
		assertThat(chart.groups().get(0).bars().get(1).y()).isEqualTo(30);
		assertThat(chart.groups().get(0).bars().get(2).width()).isEqualByComparingTo("56.7");
		assertThat(approved.labelX()).isEqualByComparingTo("536.0");
		// the second group below the first: 3 bars of 18, 2 gaps of 4, a group gap of 16
		assertThat(chart.groups().get(1).bars().get(0).y()).isEqualTo(8 + 62 + 16);
		assertThat(chart.groups().get(1).bars().get(0).width()).isEqualByComparingTo("0");
		assertThat(chart.height()).isEqualTo(8 + 62 + 16 + 62 + 28);
		assertThat(chart.ticks()).extracting(t -> t.x().toPlainString())
			.containsExactly("190.0", "303.3", "416.7", "530.0");
	}

	@Test
	void bars_of_counts_have_whole_ticks_and_every_category_needs_every_series() {
		BarChart chart = BarChart.of(List.of(List.of(d("2")), List.of(d("1")), List.of(d("0"))), true);
		assertThat(chart.ticks()).extracting(t -> t.value().toPlainString()).containsExactly("0", "1", "2");
		assertThat(chart.groups().get(0).bars().get(0).width()).isEqualByComparingTo("340.0");
		assertThat(chart.groups().get(1).bars().get(0).width()).isEqualByComparingTo("170.0");
		assertThatThrownBy(() -> BarChart.of(List.of(List.of(d("1")), List.of(d("1"), d("2"))), true))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_trend_leaves_a_gap_for_a_month_without_a_value_and_draws_the_target() {
		TrendChart chart = TrendChart.of(Arrays.asList(d("10.0"), null, d("30.0"), d("20.0")), d("21"));
		// top 40 (step 20) over 64 pixels; x 8..312 in three steps
		assertThat(chart.scale().top()).isEqualByComparingTo("40");
		assertThat(chart.marks()).extracting(m -> m.x().toPlainString())
			.containsExactly("8.0", "109.3", "210.7", "312.0");
		assertThat(chart.marks().get(1).y()).isNull();
		assertThat(chart.line()).isEqualTo("M8.0 56.0 M210.7 24.0 L312.0 40.0");
		assertThat(chart.targetY()).isEqualByComparingTo("38.4");
		assertThat(TrendChart.of(List.of(), d("21")).line()).isEmpty();
	}

	@Test
	void every_status_belongs_to_exactly_one_stage() {
		for (ApplicationStatus status : ApplicationStatus.values()) {
			assertThat(Arrays.stream(ApplicationStage.values()).filter(stage -> stage.statuses().contains(status)))
				.as(status.name())
				.hasSize(1);
		}
		assertThat(ApplicationStage.of(ApplicationStatus.WAITLISTED)).isEqualTo(ApplicationStage.WAITING_LIST);
		assertThat(ApplicationStage.of(ApplicationStatus.IN_VOTING)).isEqualTo(ApplicationStage.DECISION);
	}

	@Test
	void the_history_is_taken_at_the_first_day_each_month_end_and_the_last_day() {
		assertThat(FundDashboardPages.days(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 15))).containsExactly(
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 15));
		assertThat(FundDashboardPages.days(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))).containsExactly(
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 3, 31));
		assertThat(FundDashboardPages.days(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)))
			.containsExactly(LocalDate.of(2026, 12, 3));
		List<LocalDate> long_ = FundDashboardPages.days(LocalDate.of(2015, 1, 1), LocalDate.of(2026, 12, 3));
		assertThat(long_).hasSize(FundDashboardPages.MONTHS_SHOWN + 1);
		assertThat(long_.get(0)).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(long_.get(long_.size() - 1)).isEqualTo(LocalDate.of(2026, 12, 3));
	}

	@Test
	void the_trend_covers_the_latest_twelve_months_of_the_period() {
		assertThat(FundDashboardPages.months(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 5)))
			.containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
		List<YearMonth> months = FundDashboardPages.months(LocalDate.of(2015, 1, 1), LocalDate.of(2026, 12, 3));
		assertThat(months).hasSize(12).startsWith(YearMonth.of(2026, 1)).endsWith(YearMonth.of(2026, 12));
		assertThat(FundDashboardPages.day("2026-02-30")).isNull();
		// typed in German where a browser shows no date picker
		assertThat(FundDashboardPages.day("30.06.2026")).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(FundDashboardPages.day("31.02.2026")).isNull();
		assertThat(FundDashboardPages.day("+12026-06-30")).isNull();
		assertThat(FundDashboardPages.day("2026-06-30")).isEqualTo(LocalDate.of(2026, 6, 30));
	}

	private static MoneyOverTimeChart.Figures figures(String day, String budget, String reserved, String paid) {
		return new MoneyOverTimeChart.Figures(LocalDate.parse(day), Money.euros(budget), Money.euros(reserved),
				Money.euros(paid));
	}

}
