package de.pfd.grants.server.workspace.money;

import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.ReceiptTotals;
import de.pfd.grants.shared.money.Money;

/**
 * The approved cost plan beside the proof of use, category by category: what was planned,
 * what the receipts show, the difference; and the income planned and received. Only sums
 * for the reviewer to read: the settlement is the grant's.
 */
record PlanAgainstActual(List<Line> lines, Money plannedCosts, Money actualCosts, Money plannedIncome,
		Money actualIncome) {

	/** One cost category: planned, spent, spent minus planned. */
	record Line(CostCategory category, Money planned, Money actual, Money difference) {
	}

	static PlanAgainstActual of(ApplicationContent plan, List<Receipt> receipts) {
		List<CostItem> costs = plan == null || plan.costs() == null ? List.of() : plan.costs();
		List<IncomeItem> income = plan == null || plan.income() == null ? List.of() : plan.income();
		List<Receipt> lines = receipts == null ? List.of() : receipts;
		List<Line> rows = new ArrayList<>();
		for (CostCategory category : CostCategory.values()) {
			Money planned = costs.stream()
				.filter(c -> c.category() == category && c.amount() != null)
				.map(CostItem::amount)
				.reduce(Money.ZERO, Money::plus);
			Money actual = ReceiptTotals
				.of(lines.stream().filter(r -> r.category() == category && r.amount().isPositive()).toList())
				.costs();
			if (planned.isPositive() || actual.isPositive()) {
				rows.add(new Line(category, planned, actual, actual.minus(planned)));
			}
		}
		ReceiptTotals totals = ReceiptTotals.of(lines);
		Money plannedIncome = income.stream()
			.filter(i -> i.amount() != null)
			.map(IncomeItem::amount)
			.reduce(Money.ZERO, Money::plus);
		return new PlanAgainstActual(rows,
				costs.stream().filter(c -> c.amount() != null).map(CostItem::amount).reduce(Money.ZERO, Money::plus),
				totals.costs(), plannedIncome, totals.income());
	}

}
