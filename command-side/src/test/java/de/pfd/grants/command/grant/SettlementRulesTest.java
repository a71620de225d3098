package de.pfd.grants.command.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.money.Money;

/** How a grant of 900.00 is settled after its proof of use. */
class SettlementRulesTest {

	private static final Money APPROVED = Money.euros("900.00");

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	@Test
	void the_final_grant_is_the_eligible_spending_up_to_the_approval() {
		assertThat(SettlementRules.finalGrant(APPROVED, euros("700"))).isEqualTo(euros("700"));
		assertThat(SettlementRules.finalGrant(APPROVED, euros("1200"))).isEqualTo(APPROVED);
	}

	@Test
	void the_settlement_releases_approved_money_neither_granted_nor_paid() {
		// granted 800, paid 500: 100 goes back, 300 are still to be paid
		assertThat(SettlementRules.releasedAtSettlement(APPROVED, euros("800"), euros("500"))).isEqualTo(euros("100"));
	}

	@Test
	void money_paid_beyond_the_final_grant_stays_bound_until_it_is_refunded() {
		// granted 700, paid 900: nothing goes back now
		assertThat(SettlementRules.releasedAtSettlement(APPROVED, euros("700"), euros("900"))).isEqualTo(Money.ZERO);
	}

	@Test
	void money_paid_beyond_the_final_grant_is_claimed_back() {
		assertThat(SettlementRules.refundDue(euros("700"), euros("900"))).isEqualTo(euros("200"));
	}

	@Test
	void paying_less_than_the_final_grant_claims_nothing_back() {
		assertThat(SettlementRules.refundDue(APPROVED, euros("500"))).isEqualTo(Money.ZERO);
	}

	@Test
	void receipts_total_costs_and_income_entered_as_negative_separately() {
		assertThat(SettlementRules.totalCosts(Grants.receipts())).isEqualTo(euros("800"));
		assertThat(SettlementRules.totalIncome(Grants.receipts())).isEqualTo(euros("100"));
	}

}
