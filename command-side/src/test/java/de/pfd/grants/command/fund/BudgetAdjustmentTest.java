package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.money.Money;

/**
 * Raising and cutting a fund's budget: never below the reserved money, never to zero,
 * each adjustment once.
 */
class BudgetAdjustmentTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	@Test
	void raising_the_budget_emits_budget_adjusted_with_the_new_budget_and_the_stripped_reason() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "  second allocation  "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("5000"), Funds.euros("40000"),
					"second allocation"));
	}

	@Test
	void cutting_the_budget_down_to_exactly_the_reserved_money_succeeds() {
		this.fixture.given(Funds.withReservation())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("-25000"), "cut by the ministry"))
			.expectEvents(new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("-25000"), Funds.euros("10000"),
					"cut by the ministry"));
	}

	@Test
	void cutting_the_budget_below_the_reserved_money_is_refused_with_BUDGET_BELOW_RESERVED() {
		this.fixture.given(Funds.withReservation())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("-25000.01"), "cut by the ministry"))
			.expectException(refusedWith(ErrorCode.BUDGET_BELOW_RESERVED))
			.expectNoEvents();
	}

	@Test
	void cutting_the_budget_to_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "cut-all", Funds.euros("-35000"), "alles weg"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_budget_adjustment_without_a_reason_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_budget_adjustment_with_a_blank_reason_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), " \t "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a budget adjustment needs a reason")
			.expectNoEvents();
	}

	@Test
	void a_budget_adjustment_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Money.ZERO, "nothing"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void adjusting_the_budget_of_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "late money"))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void the_same_budget_adjustment_sent_twice_emits_no_second_event() {
		this.fixture.given(Funds.actionFund2019(), Funds.raisedBy5000())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "more"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_second_budget_adjustment_with_another_id_is_applied_to_the_adjusted_budget() {
		this.fixture.given(Funds.actionFund2019(), Funds.raisedBy5000())
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-2", Funds.euros("-1000"), "less"))
			.expectEvents(new BudgetAdjusted(Funds.FUND, "adj-2", Funds.euros("-1000"), Funds.euros("39000"), "less"));
	}

}
