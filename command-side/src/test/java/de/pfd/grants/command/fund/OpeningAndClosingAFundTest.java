package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Opening a fund for a year (budget, cap, fast-track limit) and closing it, which lets
 * the unreserved rest lapse.
 */
class OpeningAndClosingAFundTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	@Test
	void opening_a_fund_emits_fund_opened_with_the_decision_body_of_its_type() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Funds.euros("5000"), Funds.euros("1000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD,
							2019, Funds.euros("35000"), Funds.euros("5000"), Funds.euros("1000")));
	}

	@Test
	void a_youth_fund_is_decided_by_the_youth_forum() {
		FundId youthFund = FundId.of(Funds.PARTNERSHIP, FundType.YOUTH_FUND, 2019);
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.YOUTH_FUND, 2019, Funds.euros("8000"), null, null))
			.expectEvents(new FundOpened(youthFund, Funds.PARTNERSHIP, FundType.YOUTH_FUND,
					DecisionBodyType.YOUTH_FORUM, 2019, Funds.euros("8000"), null, null));
	}

	@Test
	void opening_a_fund_in_the_first_and_in_the_last_allowed_year_succeeds() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2015, Funds.euros("1"), null, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundOpened(FundId.of(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2015), Funds.PARTNERSHIP,
					FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2015, Funds.euros("1"), null, null));

		new AggregateTestFixture<>(Fund.class).givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2100, Funds.euros("1"), null, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundOpened(FundId.of(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2100), Funds.PARTNERSHIP,
					FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2100, Funds.euros("1"), null, null));
	}

	@Test
	void opening_a_fund_before_2015_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2014, Funds.euros("35000"), null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void opening_a_fund_after_2100_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2101, Funds.euros("35000"), null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void opening_a_fund_with_a_zero_budget_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Money.ZERO, null, null))
			.expectException(RuleViolationException.class)
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectExceptionMessage("budget must be positive")
			.expectNoEvents();
	}

	@Test
	void opening_a_fund_with_a_negative_budget_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("-1"), null, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_per_project_cap_equal_to_the_budget_is_accepted() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Funds.euros("35000"), null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND,
					DecisionBodyType.STEERING_BOARD, 2019, Funds.euros("35000"), Funds.euros("35000"), null));
	}

	@Test
	void a_per_project_cap_above_the_budget_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Funds.euros("35000.01"), null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectExceptionMessage(Matchers.containsString("per-project cap"))
			.expectNoEvents();
	}

	@Test
	void a_per_project_cap_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Money.ZERO, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_fast_track_limit_equal_to_the_per_project_cap_is_accepted() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Funds.euros("5000"), Funds.euros("5000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD,
							2019, Funds.euros("35000"), Funds.euros("5000"), Funds.euros("5000")));
	}

	@Test
	void a_fast_track_limit_above_the_per_project_cap_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), Funds.euros("5000"), Funds.euros("5000.01")))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectExceptionMessage(Matchers.containsString("fast-track limit"))
			.expectNoEvents();
	}

	@Test
	void without_a_cap_a_fast_track_limit_up_to_the_budget_is_accepted() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), null, Funds.euros("35000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND,
					DecisionBodyType.STEERING_BOARD, 2019, Funds.euros("35000"), null, Funds.euros("35000")));
	}

	@Test
	void without_a_cap_a_fast_track_limit_above_the_budget_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), null, Funds.euros("35000.01")))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_fast_track_limit_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), null, Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void closing_lets_the_unreserved_rest_lapse() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.raisedBy5000(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "1500"), Funds.paid(Funds.APPLICATION, "pay-1", "3000"))
			.when(new CloseFundCommand(Funds.FUND))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundClosed(Funds.FUND, Funds.euros("31500")));
	}

	@Test
	void closing_a_fully_reserved_fund_lets_nothing_lapse() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "35000"))
			.when(new CloseFundCommand(Funds.FUND))
			.expectEvents(new FundClosed(Funds.FUND, Money.ZERO));
	}

	@Test
	void closing_a_fund_twice_is_refused_with_FUND_CLOSED() {
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new CloseFundCommand(Funds.FUND))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectExceptionMessage("the fund is closed")
			.expectNoEvents();
	}

	@Test
	void deadlines_of_1_and_of_52_weeks_are_accepted() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"), null, null,
					1, 52))
			.expectEvents(new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND,
					DecisionBodyType.STEERING_BOARD, 2019, Funds.euros("35000"), null, null, 1, 52));
	}

	@Test
	void a_deadline_of_0_or_53_weeks_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"), null, null,
					0, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("deadlines are counted in weeks from 1 to 52")
			.expectNoEvents();
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"), null, null,
					null, 53))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	// terms

	@Test
	void the_terms_of_a_fund_are_those_it_was_opened_with() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"),
					Funds.euros("5000"), Funds.euros("1000"), 8, 10))
			.expectState(fund -> assertThat(fund.terms())
				.isEqualTo(new FundTerms(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019,
						Funds.euros("35000"), Funds.euros("5000"), Funds.euros("1000"), 8, 10, true)));
	}

	@Test
	void a_fund_opened_without_deadlines_gives_six_weeks_for_each() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), null, null))
			.expectState(fund -> assertThat(fund.terms()).isEqualTo(new FundTerms(Funds.FUND, Funds.PARTNERSHIP,
					FundType.ACTION_FUND, 2019, Funds.euros("35000"), null, null, 6, 6, true)));
	}

	@Test
	void a_fund_opened_with_a_tolerance_for_receipts_keeps_it_in_its_terms() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"), null, null,
					null, null, 14))
			.expectEvents(new FundOpened(Funds.FUND, Funds.PARTNERSHIP, FundType.ACTION_FUND,
					DecisionBodyType.STEERING_BOARD, 2019, Funds.euros("35000"), null, null, null, null, 14))
			.expectState(fund -> assertThat(fund.terms().receiptToleranceDays()).isEqualTo(14));
	}

	@Test
	void a_fund_opened_without_a_tolerance_for_receipts_has_none() {
		this.fixture.givenNoPriorActivity()
			.when(Funds.openActionFund2019(Funds.euros("35000"), null, null))
			.expectState(fund -> assertThat(fund.terms().receiptToleranceDays()).isZero());
	}

	@Test
	void a_negative_tolerance_or_one_above_a_year_is_refused_naming_receiptToleranceDays() {
		for (int days : new int[] { -1, 366 }) {
			this.fixture.givenNoPriorActivity()
				.when(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, 2019, Funds.euros("35000"), null,
						null, null, null, days))
				.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receiptToleranceDays"))
				.expectNoEvents();
		}
	}

	@Test
	void the_terms_name_the_budget_as_adjusted() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "more"))
			.expectState(fund -> assertThat(fund.terms().budget()).isEqualTo(Funds.euros("40000")));
	}

	@Test
	void a_closed_fund_says_so_in_its_terms() {
		this.fixture.given(Funds.actionFund2019())
			.when(new CloseFundCommand(Funds.FUND))
			.expectState(fund -> assertThat(fund.terms().open()).isFalse());
	}

}
