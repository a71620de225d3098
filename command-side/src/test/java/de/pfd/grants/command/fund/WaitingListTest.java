package de.pfd.grants.command.fund;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.fund.WaitlistEntryRemoved;
import de.pfd.grants.shared.money.Money;

/**
 * Approvals the fund cannot cover wait, first come first served, for released or added
 * money.
 */
class WaitingListTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	@Test
	void an_approval_the_fund_cannot_cover_joins_the_waiting_list() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "34000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1000.01"), true))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("1000.01"), 1));
	}

	@Test
	void nobody_overtakes_the_waiting_list_even_with_a_smaller_request_that_would_fit() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "34000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), 1))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.THIRD, Funds.euros("500"), true))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("500"), 2));
	}

	@Test
	void an_approval_already_waiting_is_not_listed_twice() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), 1))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), true))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void released_money_goes_to_the_waiting_approvals_in_their_order_as_far_as_it_reaches() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("2000"), 2),
					new ReservationWaitlisted(Funds.FUND, Funds.FOURTH, Funds.euros("100"), 3))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5050"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5050"), Money.ZERO, "cheaper"),
					Funds.reserved(Funds.APPLICATION, "3000"), Funds.reserved(Funds.THIRD, "2000"));
	}

	@Test
	void a_waiting_approval_that_does_not_fit_stops_the_line() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("100"), 2))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2999.99"), "cheaper"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2999.99"), Money.ZERO,
					"cheaper"));
	}

	@Test
	void a_budget_increase_serves_the_waiting_list() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1))
			.when(new AdjustBudgetCommand(Funds.FUND, "more", Funds.euros("3000"), "Nachbewilligung"))
			.expectEvents(new BudgetAdjusted(Funds.FUND, "more", Funds.euros("3000"), Funds.euros("38000"),
					"Nachbewilligung"), Funds.reserved(Funds.APPLICATION, "3000"));
	}

	@Test
	void cancelling_a_waiting_approval_takes_it_off_the_list_and_serves_the_next_that_fits() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "34000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("900"), 2))
			.when(new CancelReservationCommand(Funds.FUND, Funds.APPLICATION, "withdrawn"))
			.expectEvents(new WaitlistEntryRemoved(Funds.FUND, Funds.APPLICATION, "withdrawn"),
					Funds.reserved(Funds.THIRD, "900"));
	}

	@Test
	void a_closed_fund_serves_no_waiting_approval() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1), Funds.closed("0"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000"), Money.ZERO, "cheaper"),
					new FundsLapsed(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000"),
							FundsLapsed.AFTER_CLOSURE));
	}

}
