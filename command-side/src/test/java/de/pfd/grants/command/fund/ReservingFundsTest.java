package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Reserving money of the action fund 2019 (35,000.00) for approved applications: never
 * more than is available, once per application.
 */
class ReservingFundsTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	@Test
	void reserving_money_that_is_available_emits_funds_reserved() {
		this.fixture.given(Funds.actionFund2019())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("10000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Funds.reserved(Funds.APPLICATION, "10000"));
	}

	@Test
	void reserving_exactly_the_rest_of_the_budget_succeeds() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "20000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("15000")))
			.expectEvents(Funds.reserved(Funds.OTHER_APPLICATION, "15000"));
	}

	@Test
	void reserving_more_than_is_available_is_refused_with_BUDGET_EXHAUSTED() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "20000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("15000.01")))
			.expectException(RuleViolationException.class)
			.expectException(refusedWith(ErrorCode.BUDGET_EXHAUSTED))
			.expectExceptionMessage("the fund has only 15000.00 EUR available")
			.expectNoEvents();
	}

	@Test
	void reserving_more_than_the_whole_budget_is_refused_with_BUDGET_EXHAUSTED() {
		this.fixture.given(Funds.actionFund2019())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("35000.01")))
			.expectException(refusedWith(ErrorCode.BUDGET_EXHAUSTED))
			.expectNoEvents();
	}

	@Test
	void a_raised_budget_can_be_reserved() {
		this.fixture.given(Funds.actionFund2019(), Funds.raisedBy5000())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("40000")))
			.expectEvents(Funds.reserved(Funds.APPLICATION, "40000"));
	}

	@Test
	void a_released_reservation_makes_its_money_available_again() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "35000"),
					Funds.released(Funds.APPLICATION, "5000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000")))
			.expectEvents(Funds.reserved(Funds.OTHER_APPLICATION, "5000"));
	}

	@Test
	void reserving_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void reserving_a_negative_amount_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("-100")))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_second_reservation_for_the_same_application_is_refused_with_ALREADY_RESERVED() {
		this.fixture.given(Funds.withReservation())
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	@Test
	void a_partly_released_reservation_still_blocks_a_second_one_with_ALREADY_RESERVED() {
		this.fixture.given(Funds.withReservation(Funds.released(Funds.APPLICATION, "4000")))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	@Test
	void money_is_reserved_once_per_application_even_after_a_full_release() {
		this.fixture.given(Funds.withReservation(Funds.released(Funds.APPLICATION, "10000")))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("12000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	@Test
	void reserving_in_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1")))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

}
