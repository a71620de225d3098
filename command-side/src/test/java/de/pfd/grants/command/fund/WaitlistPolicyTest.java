package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.fund.SetWaitlistPolicyCommand;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySet;
import de.pfd.grants.shared.money.Money;

/**
 * The waiting-list policy per fund, a versioned setting: STRICT_ORDER (the default:
 * nobody overtakes) or FIRST_THAT_FITS (a smaller approval the available money covers is
 * funded before a larger one it does not cover). Every reservation names the policy and
 * version that decided it (none while the fund keeps its default).
 */
class WaitlistPolicyTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	private static final WaitlistPolicySet FIRST_THAT_FITS = new WaitlistPolicySet(Funds.FUND,
			WaitlistPolicy.FIRST_THAT_FITS, 1);

	// strict order (the default and as a setting)

	@Test
	void under_strict_order_a_smaller_approval_waits_behind_a_larger_one() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "34000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), 1))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.THIRD, Funds.euros("500"), true))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("500"), 2));
	}

	@Test
	void under_strict_order_released_money_stops_at_the_first_that_does_not_fit_and_records_the_policy() {
		this.fixture
			.given(Funds.actionFund2019(), FIRST_THAT_FITS,
					new WaitlistPolicySet(Funds.FUND, WaitlistPolicy.STRICT_ORDER, 2),
					Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("1000"), 2))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2000"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2000"), Money.ZERO, "cheaper"));
	}

	// first that fits

	@Test
	void under_first_that_fits_a_new_smaller_approval_is_funded_while_a_larger_one_waits() {
		this.fixture
			.given(Funds.actionFund2019(), FIRST_THAT_FITS, Funds.reserved(Funds.OTHER_APPLICATION, "34000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), 1))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.THIRD, Funds.euros("500"), true))
			.expectEvents(
					new FundsReserved(Funds.FUND, Funds.THIRD, Funds.euros("500"), WaitlistPolicy.FIRST_THAT_FITS, 1));
	}

	@Test
	void under_first_that_fits_released_money_funds_the_waiting_approvals_it_covers_in_their_order() {
		this.fixture
			.given(Funds.actionFund2019(), FIRST_THAT_FITS, Funds.reserved(Funds.OTHER_APPLICATION, "35000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("3000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("1000"), 2),
					new ReservationWaitlisted(Funds.FUND, Funds.FOURTH, Funds.euros("1500"), 3))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2000"), "cheaper"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("2000"), Money.ZERO, "cheaper"),
					new FundsReserved(Funds.FUND, Funds.THIRD, Funds.euros("1000"), WaitlistPolicy.FIRST_THAT_FITS, 1));
	}

	@Test
	void a_new_approval_that_does_not_fit_waits_under_first_that_fits_too() {
		this.fixture.given(Funds.actionFund2019(), FIRST_THAT_FITS, Funds.reserved(Funds.OTHER_APPLICATION, "34000"))
			.when(new ReserveFundsCommand(Funds.FUND, Funds.THIRD, Funds.euros("1000.01"), true))
			.expectEvents(new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("1000.01"), 1));
	}

	// the setting

	@Test
	void switching_to_first_that_fits_is_version_1_and_funds_at_once_what_waited_behind_a_larger_approval() {
		this.fixture
			.given(Funds.actionFund2019(), Funds.reserved(Funds.OTHER_APPLICATION, "34000"),
					new ReservationWaitlisted(Funds.FUND, Funds.APPLICATION, Funds.euros("2000"), 1),
					new ReservationWaitlisted(Funds.FUND, Funds.THIRD, Funds.euros("600"), 2))
			.when(new SetWaitlistPolicyCommand(Funds.FUND, WaitlistPolicy.FIRST_THAT_FITS))
			.expectEvents(FIRST_THAT_FITS,
					new FundsReserved(Funds.FUND, Funds.THIRD, Funds.euros("600"), WaitlistPolicy.FIRST_THAT_FITS, 1));
	}

	@Test
	void each_change_is_a_new_version_the_same_policy_again_changes_nothing() {
		this.fixture.given(Funds.actionFund2019(), FIRST_THAT_FITS)
			.when(new SetWaitlistPolicyCommand(Funds.FUND, WaitlistPolicy.STRICT_ORDER))
			.expectEvents(new WaitlistPolicySet(Funds.FUND, WaitlistPolicy.STRICT_ORDER, 2));
		this.fixture.given(Funds.actionFund2019(), FIRST_THAT_FITS)
			.when(new SetWaitlistPolicyCommand(Funds.FUND, WaitlistPolicy.FIRST_THAT_FITS))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
		this.fixture.given(Funds.actionFund2019())
			.when(new SetWaitlistPolicyCommand(Funds.FUND, WaitlistPolicy.STRICT_ORDER))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void the_policy_of_a_closed_fund_cannot_change_and_a_policy_is_required() {
		this.fixture.given(Funds.actionFund2019(), Funds.closed("35000"))
			.when(new SetWaitlistPolicyCommand(Funds.FUND, WaitlistPolicy.FIRST_THAT_FITS))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
		this.fixture.given(Funds.actionFund2019())
			.when(new SetWaitlistPolicyCommand(Funds.FUND, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

}
