package de.pfd.grants.command.fund;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Giving back (part of) a reservation: only what is not paid out; after the closing,
 * released money lapses.
 */
class ReleasingFundsTest {

	private final FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);

	@Test
	void releasing_without_an_amount_releases_the_whole_outstanding_reservation() {
		this.fixture.given(Funds.withReservation())
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "withdrawn"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("10000"), Money.ZERO, "withdrawn"));
	}

	@Test
	void releasing_without_an_amount_after_a_partial_release_releases_only_the_rest() {
		this.fixture.given(Funds.withReservation(Funds.released(Funds.APPLICATION, "2500")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "withdrawn"))
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("7500"), Money.ZERO, "withdrawn"));
	}

	@Test
	void releasing_part_of_a_reservation_emits_that_part() {
		this.fixture.given(Funds.withReservation())
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("2500"), "cheaper"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("2500"), Money.ZERO, "cheaper"));
	}

	@Test
	void releasing_more_than_is_outstanding_is_refused_with_RELEASE_EXCEEDS_RESERVATION() {
		this.fixture.given(Funds.withReservation())
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
		this.fixture.given(Funds.withReservation(Funds.released(Funds.APPLICATION, "10000")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "again"))
			.expectException(refusedWith(ErrorCode.NOT_RESERVED))
			.expectNoEvents();
	}

	@Test
	void releasing_zero_is_refused_with_INVALID_AMOUNT() {
		this.fixture.given(Funds.withReservation())
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Money.ZERO, "nothing"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void money_already_paid_out_cannot_be_released_so_the_fund_never_commits_it_twice() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "6000")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("4000.01"), "settled"))
			.expectException(refusedWith(ErrorCode.RELEASE_EXCEEDS_RESERVATION))
			.expectNoEvents();
	}

	@Test
	void releasing_without_an_amount_after_a_payout_releases_only_the_unpaid_rest() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "6000")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "settled"))
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), Money.ZERO, "settled"));
	}

	@Test
	void a_fully_paid_reservation_has_nothing_to_release() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "10000")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, null, "settled"))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT))
			.expectNoEvents();
	}

	@Test
	void money_released_after_closing_lapses() {
		this.fixture.given(Funds.withReservation(Funds.closed("25000")))
			.when(new ReleaseFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), "cheaper"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), Money.ZERO, "cheaper"),
					new FundsLapsed(Funds.FUND, Funds.APPLICATION, Funds.euros("4000"), FundsLapsed.AFTER_CLOSURE));
	}

	@Test
	void a_reservation_cancelled_after_closing_lapses_as_a_lapse_of_its_own() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "2500"), Funds.closed("25000")))
			.when(new CancelReservationCommand(Funds.FUND, Funds.APPLICATION, "withdrawn"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FundsReleased(Funds.FUND, Funds.APPLICATION, Funds.euros("7500"), Money.ZERO, "withdrawn"),
					new FundsLapsed(Funds.FUND, Funds.APPLICATION, Funds.euros("7500"), FundsLapsed.AFTER_CLOSURE));
	}

	@Test
	void cancelling_a_reservation_releases_only_what_is_not_paid_out() {
		this.fixture.given(Funds.withReservation(Funds.paid(Funds.APPLICATION, "pay-1", "2500")))
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

}
