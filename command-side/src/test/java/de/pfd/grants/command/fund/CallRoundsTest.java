package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AddCallRoundCommand;
import de.pfd.grants.shared.fund.CallRoundAdded;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Call rounds of the action fund 2019 (35,000.00): a round has a submission deadline and
 * a share of the budget; approvals of rounds 1..n never exceed the shares of rounds 1..n
 * (what a round leaves goes to the next); an approval over its round's share waits on the
 * waiting list; an approval outside rounds is limited by the budget only.
 */
class CallRoundsTest {

	private static final LocalDate MARCH_31 = LocalDate.of(2019, 3, 31);

	private static final LocalDate JUNE_30 = LocalDate.of(2019, 6, 30);

	/** Round 1: 50 % (17,500.00) until 31 March. */
	private static final CallRoundAdded ROUND_1 = new CallRoundAdded(Funds.FUND, 1, "Frühjahr", MARCH_31, 50);

	/** Round 2: 30 % more (28,000.00 for rounds 1 and 2) until 30 June. */
	private static final CallRoundAdded ROUND_2 = new CallRoundAdded(Funds.FUND, 2, "Sommer", JUNE_30, 30);

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	private static ReserveFundsCommand reserve(de.pfd.grants.shared.application.ApplicationId application,
			String amount, Integer round) {
		return new ReserveFundsCommand(Funds.FUND, application, Funds.euros(amount), true, round);
	}

	private static FundsReserved reserved(de.pfd.grants.shared.application.ApplicationId application, String amount,
			Integer round) {
		return new FundsReserved(Funds.FUND, application, Funds.euros(amount), null, null, round);
	}

	// setting the rounds up

	@Test
	void rounds_are_numbered_in_the_order_of_their_deadlines() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AddCallRoundCommand(Funds.FUND, " Frühjahr ", MARCH_31, 50))
			.expectEvents(ROUND_1);
		this.fixture.given(Funds.actionFund2019(), ROUND_1)
			.when(new AddCallRoundCommand(Funds.FUND, "Sommer", JUNE_30, 30))
			.expectEvents(ROUND_2);
	}

	@Test
	void a_deadline_not_after_the_previous_one_or_outside_the_year_is_refused_naming_submissionDeadline() {
		this.fixture.given(Funds.actionFund2019(), ROUND_1)
			.when(new AddCallRoundCommand(Funds.FUND, "Sommer", MARCH_31, 30))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("previous round"))
			.expectNoEvents();
		this.fixture.given(Funds.actionFund2019())
			.when(new AddCallRoundCommand(Funds.FUND, "Frühjahr", LocalDate.of(2020, 3, 31), 50))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void shares_above_100_percent_together_are_refused_naming_budgetSharePercent() {
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2)
			.when(new AddCallRoundCommand(Funds.FUND, "Herbst", LocalDate.of(2019, 9, 30), 21))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("100 %"))
			.expectNoEvents();
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2)
			.when(new AddCallRoundCommand(Funds.FUND, "Herbst", LocalDate.of(2019, 9, 30), 20))
			.expectEvents(new CallRoundAdded(Funds.FUND, 3, "Herbst", LocalDate.of(2019, 9, 30), 20));
	}

	@Test
	void a_round_without_name_is_refused_and_a_closed_fund_takes_no_rounds() {
		this.fixture.given(Funds.actionFund2019())
			.when(new AddCallRoundCommand(Funds.FUND, " ", MARCH_31, 50))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new AddCallRoundCommand(Funds.FUND, "Frühjahr", MARCH_31, 50))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	// approvals within the shares

	@Test
	void an_approval_over_its_rounds_share_waits_although_the_budget_has_room() {
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "17000", 1))
			.when(reserve(Funds.APPLICATION, "500.01", 1))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("500.01"), 1, 1));
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "17000", 1))
			.when(reserve(Funds.APPLICATION, "500.00", 1))
			.expectEvents(reserved(Funds.APPLICATION, "500.00", 1));
	}

	@Test
	void what_a_round_leaves_goes_to_the_next() {
		// round 1 used 10,000.00 of its 17,500.00: round 2 may reserve up to 28,000.00 -
		// 10,000.00
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "10000", 1))
			.when(reserve(Funds.APPLICATION, "18000", 2))
			.expectEvents(reserved(Funds.APPLICATION, "18000", 2));
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "10000", 1))
			.when(reserve(Funds.APPLICATION, "18000.01", 2))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("18000.01"), 1, 2));
	}

	@Test
	void a_late_approval_of_an_earlier_round_counts_in_the_later_rounds_too() {
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "28000", 2))
			.when(reserve(Funds.APPLICATION, "100", 1))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("100"), 1, 1));
	}

	/**
	 * Strict order within a round: an approval waiting over round 1's share waits for
	 * round 1's money, so a round-2 approval is not behind it; a later round-1 approval
	 * is.
	 */
	@Test
	void an_approval_waiting_over_its_rounds_share_does_not_hold_up_the_next_round() {
		this.fixture
			.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "17500", 1),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("1000"), 1, 1))
			.when(reserve(Funds.THIRD, "2000", 2))
			.expectEvents(reserved(Funds.THIRD, "2000", 2));
		this.fixture
			.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "17000", 1),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("1000"), 1, 1))
			.when(reserve(Funds.THIRD, "100", 1))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("100"), 2, 1));
	}

	@Test
	void an_approval_outside_the_rounds_is_limited_by_the_budget_only() {
		this.fixture.given(Funds.actionFund2019(), ROUND_1, ROUND_2, reserved(Funds.OTHER_APPLICATION, "28000", 2))
			.when(reserve(Funds.APPLICATION, "7000", null))
			.expectEvents(reserved(Funds.APPLICATION, "7000", null));
	}

	@Test
	void money_released_in_a_round_funds_the_approval_waiting_over_that_rounds_share() {
		this.fixture
			.given(Funds.actionFund2019(), ROUND_1, reserved(Funds.OTHER_APPLICATION, "17500", 1),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("1000"), 1, 1))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("1000"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("1000"), Money.ZERO, "cheaper"),
					reserved(Funds.APPLICATION, "1000", 1));
	}

	@Test
	void the_terms_name_the_rounds_and_the_round_of_a_submission_day() {
		FundTerms terms = new FundTerms(Funds.FUND, Funds.PARTNERSHIP, Funds.actionFundTerms().type(), 2019,
				Funds.euros("35000"), null, null, 6, 6, true,
				java.util.List.of(new de.pfd.grants.shared.fund.CallRound(1, "Frühjahr", MARCH_31, 50),
						new de.pfd.grants.shared.fund.CallRound(2, "Sommer", JUNE_30, 30)));
		org.assertj.core.api.Assertions.assertThat(terms.roundOf(LocalDate.of(2019, 1, 2))).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThat(terms.roundOf(MARCH_31)).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThat(terms.roundOf(MARCH_31.plusDays(1))).isEqualTo(2);
		org.assertj.core.api.Assertions.assertThat(terms.roundOf(JUNE_30.plusDays(1))).isNull();
	}

}
