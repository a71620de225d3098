package de.pfd.grants.server.workspace.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.ApplicationStage;
import de.pfd.grants.server.fund.FundDashboardUseCases;
import de.pfd.grants.server.fund.FundDashboardUseCases.MonthlyProcessingTimes;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.fund.ActionFieldFigures;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The fund dashboard of staff and auditors: the partnership's funds per year
 * ({@code /fonds}) and one fund's figures ({@code /fonds/{id}}, the same use case as
 * {@code GET /api/funds/{id}}, optionally as of a day: {@code ?stichtag=2026-06-30}) with
 * its charts (money over time from the as-of history, money by action field, applications
 * by stage), each beside its data table, and the processing time against the
 * partnership's target. A thin adapter: the figures come from the use cases, the charts
 * are placed by the pure chart models of this package.
 */
@Controller
@Hidden
@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
class FundDashboardPages {

	/** At most this many month ends in the chart of money over time (the latest). */
	static final int MONTHS_SHOWN = 24;

	/** At most this many months in the processing-time trend (the latest). */
	static final int TREND_MONTHS = 12;

	private final FundUseCases funds;

	private final FundDashboardUseCases dashboard;

	private final ApplicationUseCases applications;

	FundDashboardPages(FundUseCases funds, FundDashboardUseCases dashboard, ApplicationUseCases applications) {
		this.funds = funds;
		this.dashboard = dashboard;
		this.applications = applications;
	}

	@GetMapping("/fonds")
	String funds(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("funds", this.funds.funds(user));
		return "fonds/liste";
	}

	@GetMapping("/fonds/{id}")
	String fund(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "stichtag", required = false) String stichtag, Model model,
			HttpServletResponse response) {
		// unknown or another partnership's fund: 404 before anything else
		FundBudget now = this.funds.fund(user, id, (Instant) null);
		LocalDate asOf = null;
		boolean invalid = false;
		if (stichtag != null && !stichtag.isBlank()) {
			asOf = day(stichtag.strip());
			invalid = asOf == null;
		}
		if (invalid) {
			response.setStatus(422);
		}
		model.addAttribute("asOfError", invalid);
		FundBudget fund = asOf == null ? now : this.funds.fundOnDay(user, id, asOf);
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		LocalDate to = asOf == null ? today : asOf;
		List<FundMovement> movements = this.funds.movements(user, id);
		LocalDate from = LocalDate.of(fund.year(), 1, 1);
		if (!movements.isEmpty() && movements.get(0).valueDate().isBefore(from)) {
			from = movements.get(0).valueDate();
		}
		if (to.isBefore(from)) {
			from = to;
		}
		List<LocalDate> days = days(from, to);
		List<FundBudget> history = this.dashboard.history(user, id, days);
		List<ActionFieldFigures> byField = this.dashboard.byActionField(user, id, asOf);
		Map<ApplicationStage, Integer> stages = this.dashboard.stages(user, id);
		ProcessingTimes processing = this.applications.processingTimes(user, id, null, asOf);
		List<MonthlyProcessingTimes> trend = this.dashboard.processingTrend(user, id, months(from, to));

		model.addAttribute("fund", fund);
		model.addAttribute("asOf", asOf);
		model.addAttribute("stichtag", invalid ? stichtag : asOf == null ? "" : asOf.toString());
		model.addAttribute("history", history);
		model.addAttribute("moneyChart",
				MoneyOverTimeChart.of(days.get(0), to,
						history.stream()
							.map(f -> new MoneyOverTimeChart.Figures(f.asOfDate(), f.budget(), f.reserved(), f.paid()))
							.toList()));
		model.addAttribute("byField", byField);
		model.addAttribute("fieldChart",
				BarChart.of(byField.stream()
					.map(f -> List.of(f.approved().amount(), f.reserved().amount(), f.paid().amount()))
					.toList(), false));
		model.addAttribute("stages", stages);
		model.addAttribute("stageChart",
				BarChart.of(stages.values().stream().map(count -> List.of(BigDecimal.valueOf(count))).toList(), true));
		model.addAttribute("waitingList", this.dashboard.waitingList(user, id));
		model.addAttribute("processing", processing);
		BigDecimal average = processing.stages().readyToDecision().averageDays();
		model.addAttribute("withinTarget",
				average == null ? null : average.compareTo(BigDecimal.valueOf(processing.targetDays())) <= 0);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart",
				TrendChart.of(trend.stream().map(MonthlyProcessingTimes::averageDaysToDecision).toList(),
						BigDecimal.valueOf(processing.targetDays())));
		return "fonds/dashboard";
	}

	/**
	 * The day typed as {@code 2026-06-30} or {@code 30.06.2026}, or null if it is none.
	 */
	static LocalDate day(String typed) {
		try {
			return GermanDay.parse(typed);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The days of the as-of history: the first, each month's end after it up to the last
	 * (the latest {@link #MONTHS_SHOWN} of them), and the last.
	 */
	static List<LocalDate> days(LocalDate from, LocalDate to) {
		List<LocalDate> ends = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.atEndOfMonth().isAfter(to.minusDays(1)); month = month
			.plusMonths(1)) {
			if (month.atEndOfMonth().isAfter(from)) {
				ends.add(month.atEndOfMonth());
			}
		}
		List<LocalDate> days = new ArrayList<>();
		if (ends.size() > MONTHS_SHOWN) {
			ends = ends.subList(ends.size() - MONTHS_SHOWN, ends.size());
		}
		else {
			days.add(from);
		}
		days.addAll(ends);
		if (!days.contains(to)) {
			days.add(to);
		}
		return days;
	}

	/**
	 * The months of the trend: the latest {@link #TREND_MONTHS} from {@code from} to
	 * {@code to}.
	 */
	static List<YearMonth> months(LocalDate from, LocalDate to) {
		List<YearMonth> months = new ArrayList<>();
		YearMonth first = YearMonth.from(from);
		YearMonth last = YearMonth.from(to);
		YearMonth start = last.minusMonths(TREND_MONTHS - 1L);
		for (YearMonth month = start.isBefore(first) ? first : start; !month.isAfter(last); month = month
			.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

}
