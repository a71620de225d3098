package de.pfd.grants.server.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.fund.ActionFieldFigures;
import de.pfd.grants.shared.fund.FindFundByActionFieldQuery;
import de.pfd.grants.shared.fund.FindWaitingListQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.WaitingListEntry;

/**
 * What the fund dashboard shows beyond the fund's figures ({@link FundUseCases#fund}, the
 * same as the API's): the figures at past days, the money by action field, the
 * applications per stage, the waiting list and the processing times per month. Every
 * method asks the access policy for the fund first (another partnership's fund: 404); the
 * roles (staff, auditors) are checked by the adapter.
 */
@Service
public class FundDashboardUseCases {

	private final FundUseCases funds;

	private final ApplicationUseCases applications;

	private final AccessPolicy access;

	private final QueryGateway queries;

	FundDashboardUseCases(FundUseCases funds, ApplicationUseCases applications, AccessPolicy access,
			QueryGateway queries) {
		this.funds = funds;
		this.applications = applications;
		this.access = access;
		this.queries = queries;
	}

	/**
	 * The fund's figures at the end of each day by value date, as the API answers them
	 * ({@code GET /api/funds/{id}?asOf=2026-06-30}): the as-of history.
	 */
	public List<FundBudget> history(GrantsUser user, String fundId, List<LocalDate> days) {
		return days.stream().map(day -> this.funds.fundOnDay(user, fundId, day)).toList();
	}

	/**
	 * The money by action field of the fund's applications, now ({@code asOfDate} null)
	 * or at the end of a day by value date.
	 */
	public List<ActionFieldFigures> byActionField(GrantsUser user, String fundId, LocalDate asOfDate) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return this.queries
			.query(new FindFundByActionFieldQuery(fund.id(), user.partnershipId(), asOfDate),
					ResponseTypes.multipleInstancesOf(ActionFieldFigures.class))
			.join();
	}

	/** The approvals waiting for money now, in their order. */
	public List<WaitingListEntry> waitingList(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return this.queries
			.query(new FindWaitingListQuery(fund.id(), user.partnershipId()),
					ResponseTypes.multipleInstancesOf(WaitingListEntry.class))
			.join();
	}

	/** How many of the fund's applications are in each stage now (every stage named). */
	public Map<ApplicationStage, Integer> stages(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		Map<ApplicationStage, Integer> counts = new EnumMap<>(ApplicationStage.class);
		for (ApplicationStage stage : ApplicationStage.values()) {
			counts.put(stage, 0);
		}
		for (ApplicationSummary application : this.applications.list(user, fund.id().value(), null)) {
			counts.merge(ApplicationStage.of(application.status()), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * The processing times of the fund's applications decided in each month (the
	 * partnership's target in each), oldest month first.
	 */
	public List<MonthlyProcessingTimes> processingTrend(GrantsUser user, String fundId, List<YearMonth> months) {
		return months.stream()
			.map(month -> new MonthlyProcessingTimes(month,
					this.applications.processingTimes(user, fundId, month.atDay(1), month.atEndOfMonth())))
			.toList();
	}

	/**
	 * A month's processing times; {@code averageDaysToDecision}: from ready for decision
	 * to the decision, null when nothing was decided that month.
	 */
	public record MonthlyProcessingTimes(YearMonth month, ProcessingTimes times) {

		public BigDecimal averageDaysToDecision() {
			return this.times.stages().readyToDecision().averageDays();
		}

		public int decided() {
			return this.times.stages().readyToDecision().count();
		}

	}

}
