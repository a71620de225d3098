package de.pfd.grants.shared.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.money.Money;

/**
 * What an applicant writes. Any field may be missing while the application is a draft;
 * submission requires it complete and consistent. Lists are never null; the declarations
 * are empty in events written before there were any.
 */
public record ApplicationContent(String title, String summary, String description, ActionField actionField,
		List<TargetGroup> targetGroups, Integer expectedParticipants, LocalDate startDate, LocalDate endDate,
		Applicant applicant, List<CostItem> costs, List<IncomeItem> income, Money requestedAmount,
		List<Declaration> declarations) {

	public ApplicationContent {
		targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
		costs = costs == null ? List.of() : List.copyOf(costs);
		income = income == null ? List.of() : List.copyOf(income);
		declarations = declarations == null ? List.of() : List.copyOf(declarations);
	}

	/** Content without declarations (as before there were any). */
	public ApplicationContent(String title, String summary, String description, ActionField actionField,
			List<TargetGroup> targetGroups, Integer expectedParticipants, LocalDate startDate, LocalDate endDate,
			Applicant applicant, List<CostItem> costs, List<IncomeItem> income, Money requestedAmount) {
		this(title, summary, description, actionField, targetGroups, expectedParticipants, startDate, endDate,
				applicant, costs, income, requestedAmount, List.of());
	}

	public Money totalCosts() {
		return this.costs.stream()
			.map(CostItem::amount)
			.filter(java.util.Objects::nonNull)
			.reduce(Money.ZERO, Money::plus);
	}

	public Money totalIncome() {
		return this.income.stream()
			.map(IncomeItem::amount)
			.filter(java.util.Objects::nonNull)
			.reduce(Money.ZERO, Money::plus);
	}

	/**
	 * Share of the costs covered by own or third-party money, in percent with one
	 * decimal.
	 */
	public BigDecimal coFinancingPercent() {
		Money costs = totalCosts();
		if (!costs.isPositive()) {
			return BigDecimal.ZERO.setScale(1);
		}
		return totalIncome().amount().multiply(BigDecimal.valueOf(100)).divide(costs.amount(), 1, RoundingMode.HALF_UP);
	}

}
