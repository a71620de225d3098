package de.pfd.grants.command.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.money.Money;

/**
 * The fund's money rules. Whether an amount is positive is not theirs to say: every
 * handler checks it where the amount enters ({@code ChecksTest}).
 */
class BudgetRulesTest {

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	// reserve

	@Test
	void a_reservation_that_fits_may_be_made() {
		assertThat(BudgetRules.mayReserve(euros("1000"), euros("999.99"))).isTrue();
	}

	@Test
	void a_reservation_of_exactly_the_rest_may_be_made() {
		assertThat(BudgetRules.mayReserve(euros("1000"), euros("1000"))).isTrue();
	}

	@Test
	void a_reservation_one_cent_above_the_rest_may_not_be_made() {
		assertThat(BudgetRules.mayReserve(euros("1000"), euros("1000.01"))).isFalse();
	}

	@Test
	void nothing_may_be_reserved_when_nothing_is_available() {
		assertThat(BudgetRules.mayReserve(Money.ZERO, euros("0.01"))).isFalse();
	}

	// adjust

	@Test
	void a_budget_may_be_raised() {
		assertThat(BudgetRules.mayAdjust(euros("35000"), euros("5000"), euros("10000"))).isTrue();
	}

	@Test
	void a_budget_may_be_cut_down_to_exactly_the_reserved_money() {
		assertThat(BudgetRules.mayAdjust(euros("35000"), euros("-25000"), euros("10000"))).isTrue();
	}

	@Test
	void a_budget_may_not_be_cut_below_the_reserved_money() {
		assertThat(BudgetRules.mayAdjust(euros("35000"), euros("-25000.01"), euros("10000"))).isFalse();
	}

	@Test
	void a_zero_change_is_no_adjustment() {
		assertThat(BudgetRules.mayAdjust(euros("35000"), Money.ZERO, Money.ZERO)).isFalse();
	}

	@Test
	void a_budget_may_not_be_cut_below_zero_even_without_reservations() {
		// a budget of exactly zero is refused by the aggregate as an
		// invalid amount (FundTest)
		assertThat(BudgetRules.mayAdjust(euros("35000"), euros("-35000.01"), Money.ZERO)).isFalse();
		assertThat(BudgetRules.mayAdjust(euros("35000"), euros("-34999.99"), Money.ZERO)).isTrue();
	}

	@Test
	void only_the_unpaid_part_of_a_reservation_is_releasable() {
		assertThat(BudgetRules.releasable(euros("1000"), euros("600"))).isEqualTo(euros("400"));
		assertThat(BudgetRules.releasable(euros("1000"), Money.ZERO)).isEqualTo(euros("1000"));
		assertThat(BudgetRules.releasable(euros("900"), euros("1000"))).isEqualTo(Money.ZERO);
	}

	// pay out

	@Test
	void a_payout_within_the_reservation_may_be_booked() {
		assertThat(BudgetRules.mayPayOut(euros("10000"), euros("4000"), euros("6000"))).isTrue();
	}

	@Test
	void a_payout_beyond_the_unpaid_part_of_the_reservation_may_not_be_booked() {
		assertThat(BudgetRules.mayPayOut(euros("10000"), euros("4000"), euros("6000.01"))).isFalse();
	}

	// refund

	@Test
	void a_refund_up_to_the_net_paid_money_may_be_booked() {
		assertThat(BudgetRules.mayRefund(euros("4000"), euros("4000"))).isTrue();
		assertThat(BudgetRules.mayRefund(euros("4000"), euros("0.01"))).isTrue();
	}

	@Test
	void a_refund_above_the_net_paid_money_may_not_be_booked() {
		assertThat(BudgetRules.mayRefund(euros("4000"), euros("4000.01"))).isFalse();
		assertThat(BudgetRules.mayRefund(Money.ZERO, euros("0.01"))).isFalse();
	}

}
