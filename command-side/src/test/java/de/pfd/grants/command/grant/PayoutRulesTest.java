package de.pfd.grants.command.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.money.Money;

/** How the money of an approved grant is requested and paid. */
class PayoutRulesTest {

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	@Test
	void what_may_still_be_requested_is_the_approval_minus_the_requests_so_far() {
		assertThat(PayoutRules.openForRequest(euros("900"), euros("600"))).isEqualTo(euros("300"));
		assertThat(PayoutRules.openForRequest(euros("900"), euros("900"))).isEqualTo(Money.ZERO);
	}

	@Test
	void before_the_settlement_what_may_be_paid_is_what_was_requested_and_not_paid() {
		assertThat(PayoutRules.openForPayout(euros("600"), euros("500"), null)).isEqualTo(euros("100"));
	}

	@Test
	void after_the_settlement_the_rest_of_the_final_grant_may_be_paid_without_a_request() {
		assertThat(PayoutRules.openForPayout(euros("500"), euros("500"), euros("800"))).isEqualTo(euros("300"));
	}

	@Test
	void money_paid_out_is_to_be_spent_within_the_fund_s_weeks_from_the_payment() {
		assertThat(PayoutRules.spendBy(LocalDate.of(2019, 6, 1), 6)).isEqualTo(LocalDate.of(2019, 7, 13));
	}

	@Test
	void the_proof_of_use_is_due_the_fund_s_weeks_after_the_project_s_end() {
		assertThat(PayoutRules.proofOfUseDueOn(LocalDate.of(2019, 9, 30), 6)).isEqualTo(LocalDate.of(2019, 11, 11));
	}

}
