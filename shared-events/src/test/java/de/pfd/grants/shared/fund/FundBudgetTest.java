package de.pfd.grants.shared.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.money.Money;

/** The one formula for what a fund has available. */
class FundBudgetTest {

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	@Test
	void available_is_budget_minus_reserved_minus_lapsed() {
		assertThat(FundBudget.available(euros("35000"), euros("10000"), euros("2500.50"))).isEqualTo(euros("22499.50"));
	}

	@Test
	void a_fresh_fund_has_its_whole_budget_available() {
		assertThat(FundBudget.available(euros("35000"), Money.ZERO, Money.ZERO)).isEqualTo(euros("35000"));
	}

	@Test
	void a_fully_reserved_fund_has_nothing_available() {
		assertThat(FundBudget.available(euros("35000"), euros("35000"), Money.ZERO)).isEqualTo(Money.ZERO);
	}

	@Test
	void lapsed_money_is_not_available_again() {
		// a closed fund: 31,500 lapsed at the closing, 1,000 released later lapsed too
		assertThat(FundBudget.available(euros("40000"), euros("7500"), euros("32500"))).isEqualTo(Money.ZERO);
	}

}
