package de.pfd.grants.shared.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.money.Money;

/** The sums of a financial statement: income lines are negative. */
class ReceiptTotalsTest {

	private static Receipt line(String amount) {
		return new Receipt(LocalDate.of(2019, 5, 10), null, CostCategory.FEES, Money.euros(amount));
	}

	@Test
	void costs_are_the_positive_lines_income_the_negative_ones_and_the_balance_their_difference() {
		ReceiptTotals totals = ReceiptTotals.of(List.of(line("600.00"), line("300.50"), line("-200.00")));
		assertThat(totals.costs()).isEqualTo(Money.euros("900.50"));
		assertThat(totals.income()).isEqualTo(Money.euros("200.00"));
		assertThat(totals.balance()).isEqualTo(Money.euros("700.50"));
	}

	@Test
	void an_empty_statement_sums_to_zero() {
		assertThat(ReceiptTotals.of(List.of())).isEqualTo(new ReceiptTotals(Money.ZERO, Money.ZERO, Money.ZERO));
	}

}
