package de.pfd.grants.shared.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/** The deadlines of a fund: as opened, or six weeks for events of before revision 1. */
class FundOpenedTest {

	private static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

	private static FundOpened opened(Integer spendWithinWeeks, Integer proofOfUseDueWeeks) {
		return new FundOpened(FundId.of(PARTNERSHIP, FundType.ACTION_FUND, 2019), PARTNERSHIP, FundType.ACTION_FUND,
				DecisionBodyType.STEERING_BOARD, 2019, Money.euros("35000"), null, null, spendWithinWeeks,
				proofOfUseDueWeeks);
	}

	@Test
	void the_weeks_a_fund_was_opened_with_are_its_deadlines() {
		assertThat(opened(4, 10).spendWithinWeeksOrDefault()).isEqualTo(4);
		assertThat(opened(4, 10).proofOfUseDueWeeksOrDefault()).isEqualTo(10);
	}

	@Test
	void a_fund_opened_without_weeks_gives_the_default_six() {
		assertThat(opened(null, null).spendWithinWeeksOrDefault()).isEqualTo(OpenFundCommand.DEFAULT_WEEKS);
		assertThat(opened(null, null).proofOfUseDueWeeksOrDefault()).isEqualTo(6);
	}

}
