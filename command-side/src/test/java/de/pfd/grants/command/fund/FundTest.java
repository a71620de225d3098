package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.WaitlistEntryRemoved;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

class FundTest {

	private FixtureConfiguration<Fund> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Fund.class);
	}

	// open

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

	// adjust budget

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
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("-25000"), "cut by the ministry"))
			.expectEvents(new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("-25000"), Funds.euros("10000"),
					"cut by the ministry"));
	}

	@Test
	void cutting_the_budget_below_the_reserved_money_is_refused_with_BUDGET_BELOW_RESERVED() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("-25000.01"), "cut by the ministry"))
			.expectException(refusedWith(ErrorCode.BUDGET_BELOW_RESERVED))
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
		this.fixture
			.given(Funds.actionFund2019(),
					new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("5000"), Funds.euros("40000"), "more"))
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "more"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_second_budget_adjustment_with_another_id_is_applied_to_the_adjusted_budget() {
		this.fixture
			.given(Funds.actionFund2019(),
					new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("5000"), Funds.euros("40000"), "more"))
			.when(new AdjustBudgetCommand(Funds.FUND, "adj-2", Funds.euros("-1000"), "less"))
			.expectEvents(new BudgetAdjusted(Funds.FUND, "adj-2", Funds.euros("-1000"), Funds.euros("39000"), "less"));
	}

	// reserve

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
		this.fixture
			.given(Funds.actionFund2019(),
					new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("5000"), Funds.euros("40000"), "more"))
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
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	@Test
	void a_partly_released_reservation_still_blocks_a_second_one_with_ALREADY_RESERVED() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "4000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	@Test
	void money_is_reserved_once_per_application_even_after_a_full_release() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "10000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("12000")))
			.expectException(refusedWith(ErrorCode.ALREADY_RESERVED))
			.expectNoEvents();
	}

	// waiting list

	static final ApplicationId THIRD = new ApplicationId("application-3");

	static final ApplicationId FOURTH = new ApplicationId("application-4");

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
			.when(new ReserveFundsCommand(Funds.FUND, THIRD, Funds.euros("500"), true))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, THIRD, Funds.euros("500"), 2));
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
					new ReservationWaitlisted(Funds.FUND, THIRD, Funds.euros("2000"), 2),
					new ReservationWaitlisted(Funds.FUND, FOURTH, Funds.euros("100"), 3))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5050"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5050"), Money.ZERO, "cheaper"),
					Funds.reserved(Funds.APPLICATION, "3000"), Funds.reserved(THIRD, "2000"));
	}

	@Test
	void a_waiting_approval_that_does_not_fit_stops_the_line() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, THIRD, Funds.euros("100"), 2))
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
					new ReservationWaitlisted(Funds.FUND, THIRD, Funds.euros("900"), 2))
			.when(new CancelReservationCommand(Funds.FUND, Funds.APPLICATION, "withdrawn"))
			.expectEvents(new WaitlistEntryRemoved(Funds.FUND, Funds.APPLICATION, "withdrawn"),
					Funds.reserved(THIRD, "900"));
	}

	@Test
	void cancelling_a_reservation_releases_only_what_is_not_paid_out() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "2500"))
			.when(new CancelReservationCommand(Funds.FUND, Funds.APPLICATION, "withdrawn"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("7500"), Money.ZERO, "withdrawn"));
	}

	@Test
	void cancelling_without_reservation_or_place_on_the_list_changes_nothing() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "1000"))
			.when(new CancelReservationCommand(Funds.FUND, Funds.APPLICATION, "withdrawn"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_closed_fund_serves_no_waiting_approval() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1), Funds.closed("0"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000"), "cheaper"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("5000"),
					Funds.euros("5000"), "cheaper"));
	}

	@Test
	void reserving_in_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1")))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	// release

	@Test
	void releasing_without_an_amount_releases_the_whole_outstanding_reservation() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "withdrawn"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("10000"), Money.ZERO, "withdrawn"));
	}

	@Test
	void releasing_without_an_amount_after_a_partial_release_releases_only_the_rest() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "2500"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "withdrawn"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("7500"), Money.ZERO, "withdrawn"));
	}

	@Test
	void releasing_part_of_a_reservation_emits_that_part() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("2500"), "cheaper"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("2500"), Money.ZERO, "cheaper"));
	}

	@Test
	void releasing_more_than_is_outstanding_is_refused_with_RELEASE_EXCEEDS_RESERVATION() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("10000.01"), "too much"))
			.expectException(refusedWith(ErrorCode.RELEASE_EXCEEDS_RESERVATION))
			.expectNoEvents();
	}

	@Test
	void releasing_for_an_application_without_a_reservation_is_refused_with_NOT_RESERVED() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "withdrawn"))
			.expectException(refusedWith(ErrorCode.NOT_RESERVED))
			.expectNoEvents();
	}

	@Test
	void releasing_a_reservation_that_was_already_released_in_full_is_refused_with_NOT_RESERVED() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "again"))
			.expectException(refusedWith(ErrorCode.NOT_RESERVED))
			.expectNoEvents();
	}

	@Test
	void releasing_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Money.ZERO, "nothing"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void money_already_paid_out_cannot_be_released_so_the_fund_never_commits_it_twice() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "6000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("4000.01"), "settled"))
			.expectException(refusedWith(ErrorCode.RELEASE_EXCEEDS_RESERVATION))
			.expectNoEvents();
	}

	@Test
	void releasing_without_an_amount_after_a_payout_releases_only_the_unpaid_rest() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "6000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "settled"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), Money.ZERO, "settled"));
	}

	@Test
	void a_fully_paid_reservation_has_nothing_to_release() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "10000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "settled"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void a_payout_id_does_not_shadow_a_refund_with_the_same_id() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "same-id", "6000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "same-id", Funds.euros("100")))
			.expectEvents(new RefundBooked(Funds.FUND, Funds.APPLICATION, "same-id", Funds.euros("100")));
	}

	@Test
	void cutting_the_budget_to_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AdjustBudgetCommand(Funds.FUND, "cut-all", Funds.euros("-35000"), "alles weg"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void money_released_after_closing_lapses() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"), Funds.closed("25000"))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), "cheaper"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), Funds.euros("4000"),
					"cheaper"));
	}

	// payout

	@Test
	void a_payout_within_the_reservation_emits_payout_booked() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-1", "4000"));
	}

	@Test
	void payouts_may_add_up_to_exactly_the_reservation() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-2", "6000"));
	}

	@Test
	void a_payout_beyond_the_unpaid_reservation_is_refused_with_PAYOUT_EXCEEDS_RESERVATION() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000.01")))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_RESERVATION))
			.expectExceptionMessage("only 6000.00 EUR of the reservation is not paid out yet")
			.expectNoEvents();
	}

	@Test
	void a_payout_beyond_a_partly_released_reservation_is_refused_with_PAYOUT_EXCEEDS_RESERVATION() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.released(Funds.APPLICATION, "3000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("7000.01")))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_RESERVATION))
			.expectNoEvents();
	}

	@Test
	void refunded_money_may_be_paid_out_again() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "10000"), Funds.refunded(Funds.APPLICATION, "ref-1", "2000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("2000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-2", "2000"));
	}

	@Test
	void a_payout_without_a_reservation_is_refused_with_NOT_RESERVED() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "10000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("1")))
			.expectException(refusedWith(ErrorCode.NOT_RESERVED))
			.expectNoEvents();
	}

	@Test
	void a_payout_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void the_same_payout_sent_twice_emits_no_second_event() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "10000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("10000")))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_payout_of_a_closed_fund_against_its_reservation_is_still_booked() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"), Funds.closed("25000"))
			.when(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("10000")))
			.expectEvents(Funds.paid(Funds.APPLICATION, "pay-1", "10000"));
	}

	// refund

	@Test
	void a_refund_of_paid_money_emits_refund_booked() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Funds.refunded(Funds.APPLICATION, "ref-1", "4000"));
	}

	@Test
	void a_refund_above_the_paid_money_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_above_what_is_left_after_an_earlier_refund_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"), Funds.refunded(Funds.APPLICATION, "ref-1", "3000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-2", Funds.euros("1000.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_for_an_application_that_was_never_paid_is_refused_with_REFUND_EXCEEDS_PAID() {
		this.fixture.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("0.01")))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_PAID))
			.expectNoEvents();
	}

	@Test
	void a_refund_of_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Money.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void the_same_refund_sent_twice_emits_no_second_event() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.APPLICATION, "10000"),
					Funds.paid(Funds.APPLICATION, "pay-1", "4000"), Funds.refunded(Funds.APPLICATION, "ref-1", "4000"))
			.when(new BookRefundCommand(Funds.FUND, Funds.APPLICATION, "ref-1", Funds.euros("4000")))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	// close

	@Test
	void closing_lets_the_unreserved_rest_lapse() {
		this.fixture
			.given(Funds.actionFund2019(),
					new BudgetAdjusted(Funds.FUND, "adj-1", Funds.euros("5000"), Funds.euros("40000"), "more"),
					Funds.reserved(Funds.APPLICATION, "10000"), Funds.released(Funds.APPLICATION, "1500"),
					Funds.paid(Funds.APPLICATION, "pay-1", "3000"))
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

	// snapshot

	@Test
	void a_fund_snapshot_survives_a_jackson_round_trip() throws Exception {
		Fund fund = Funds.fundWithHistory();
		ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

		String json = mapper.writeValueAsString(fund);
		Fund copy = mapper.readValue(json, Fund.class);

		JsonNode tree = mapper.readTree(json);
		assertThat(tree.get("fundId").asText()).isEqualTo("kreis-mettmann-action-fund-2019");
		assertThat(tree.get("status").asText()).isEqualTo("OPEN");
		assertThat(tree.get("budget").decimalValue()).isEqualByComparingTo("40000");
		assertThat(tree.get("reserved").decimalValue()).isEqualByComparingTo("10000");
		assertThat(tree.get("reservations").get(Funds.APPLICATION.value()).decimalValue())
			.isEqualByComparingTo("10000");
		assertThat(tree.get("netPaid").get(Funds.APPLICATION.value()).decimalValue()).isEqualByComparingTo("4000");
		assertThat(tree.get("bookedIds")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("adjustment:adj-1", "payout:pay-1");
		assertThat(mapper.readTree(mapper.writeValueAsString(copy))).isEqualTo(tree);
	}

	@Test
	void a_fund_restored_from_a_snapshot_decides_like_the_original() throws Exception {
		ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
		Fund copy = mapper.readValue(mapper.writeValueAsString(Funds.fundWithHistory()), Fund.class);

		// budget 40,000 - reserved 10,000 = 30,000 available
		RuleViolationException exhausted = refusal(() -> copy
			.handle(new ReserveFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("30000.01"))));
		assertThat(exhausted.violation().code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
		assertThat(exhausted).hasMessage("the fund has only 30000.00 EUR available");

		RuleViolationException alreadyReserved = refusal(
				() -> copy.handle(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1"))));
		assertThat(alreadyReserved.violation().code()).isEqualTo(ErrorCode.ALREADY_RESERVED);

		RuleViolationException payoutTooHigh = refusal(() -> copy
			.handle(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000.01"))));
		assertThat(payoutTooHigh.violation().code()).isEqualTo(ErrorCode.PAYOUT_EXCEEDS_RESERVATION);

		RuleViolationException belowReserved = refusal(() -> copy
			.handle(new AdjustBudgetCommand(Funds.FUND, "adj-2", Funds.euros("-30000.01"), "cut by the ministry")));
		assertThat(belowReserved.violation().code()).isEqualTo(ErrorCode.BUDGET_BELOW_RESERVED);

		// the booked ids came along: retries return before anything would be applied
		assertThatNoException().isThrownBy(
				() -> copy.handle(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("4000"))));
		assertThatNoException()
			.isThrownBy(() -> copy.handle(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "more")));
	}

	@Test
	void money_is_written_as_a_json_number_with_two_decimals_and_read_back_equal() throws Exception {
		// shared-events has no jackson-databind on its test classpath, so Money's JSON
		// form
		// is checked here
		ObjectMapper mapper = new ObjectMapper();
		Money money = Funds.euros("35000");

		String json = mapper.writeValueAsString(money);

		assertThat(json).isEqualTo("35000.00");
		assertThat(mapper.readValue(json, Money.class)).isEqualTo(money);
		assertThat(mapper.readValue("35000", Money.class)).isEqualTo(money);
		assertThat(mapper.readValue("\"0.5\"", Money.class)).isEqualTo(Funds.euros("0.50"));
		assertThat(catchThrowableOfType(com.fasterxml.jackson.databind.JsonMappingException.class,
				() -> mapper.readValue("1.005", Money.class)))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

	private static RuleViolationException refusal(Executable command) {
		try {
			command.execute();
		}
		catch (RuleViolationException ex) {
			return ex;
		}
		catch (Throwable ex) {
			throw new AssertionError("expected a rule violation, got " + ex, ex);
		}
		throw new AssertionError("expected a rule violation, the command was accepted");
	}

	/** Builders for the fund's commands and events. */
	static final class Funds {

		static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

		static final FundId FUND = FundId.of(PARTNERSHIP, FundType.ACTION_FUND, 2019);

		static final ApplicationId APPLICATION = new ApplicationId("application-1");

		static final ApplicationId OTHER_APPLICATION = new ApplicationId("application-2");

		private Funds() {
		}

		static Money euros(String amount) {
			return Money.of(new BigDecimal(amount));
		}

		/** The action fund 2019 of Kreis Mettmann with 35,000.00, no cap. */
		static FundOpened actionFund2019() {
			return new FundOpened(FUND, PARTNERSHIP, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
					euros("35000.00"), null, null);
		}

		static OpenFundCommand openActionFund2019(Money budget, Money perProjectCap, Money fastTrackLimit) {
			return new OpenFundCommand(PARTNERSHIP, FundType.ACTION_FUND, 2019, budget, perProjectCap, fastTrackLimit);
		}

		static FundsReserved reserved(ApplicationId application, String amount) {
			return new FundsReserved(FUND, application, euros(amount));
		}

		static FundsReleased released(ApplicationId application, String amount) {
			return new FundsReleased(FUND, application, euros(amount), Money.ZERO, "released");
		}

		static PayoutBooked paid(ApplicationId application, String payoutId, String amount) {
			return new PayoutBooked(FUND, application, payoutId, euros(amount));
		}

		static RefundBooked refunded(ApplicationId application, String refundId, String amount) {
			return new RefundBooked(FUND, application, refundId, euros(amount));
		}

		static FundClosed closed(String lapsed) {
			return new FundClosed(FUND, euros(lapsed));
		}

		/**
		 * A fund sourced from: opened with 35,000, raised by 5,000 (adj-1), 10,000
		 * reserved for {@link #APPLICATION}, 4,000 of it paid out (pay-1).
		 */
		static Fund fundWithHistory() {
			Fund fund = new Fund();
			fund.on(actionFund2019());
			fund.on(new BudgetAdjusted(FUND, "adj-1", euros("5000"), euros("40000"), "more"));
			fund.on(reserved(APPLICATION, "10000"));
			fund.on(paid(APPLICATION, "pay-1", "4000"));
			return fund;
		}

	}

}
