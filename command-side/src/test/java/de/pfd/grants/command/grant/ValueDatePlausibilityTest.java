package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Value dates that mean something: a payout is not paid before the grant notice was
 * confirmed (its day in Mettmann) nor in the future; a refund is not received before the
 * first payout nor in the future.
 */
class ValueDatePlausibilityTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	private static RecordPayoutCommand payOutOn(LocalDate paidOn) {
		return new RecordPayoutCommand(Applications.APPLICATION, "p1", Money.euros("100.00"), paidOn, null);
	}

	private static RecordRefundCommand refundOn(LocalDate receivedOn) {
		return new RecordRefundCommand(Applications.APPLICATION, "f1", Money.euros("10.00"), receivedOn);
	}

	@Test
	void a_payout_on_the_day_the_notice_was_confirmed_is_recorded() {
		this.fixture.givenCurrentTime(Grants.PAYOUT_DAY)
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(payOutOn(Grants.PAID_ON))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void a_payout_before_the_notice_was_confirmed_is_refused_naming_paidOn() {
		this.fixture.givenCurrentTime(Grants.PAYOUT_DAY)
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(payOutOn(Grants.PAID_ON.minusDays(1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "paidOn"))
			.expectNoEvents();
	}

	@Test
	void the_day_of_the_confirmation_is_the_day_in_mettmann_not_in_utc() {
		// 23:30 UTC on 31 May is already 1 June in Mettmann
		this.fixture.givenCurrentTime(Instant.parse("2019-05-31T23:30:00Z"))
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(payOutOn(LocalDate.of(2019, 5, 31)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "paidOn"))
			.expectNoEvents();
	}

	@Test
	void a_payout_in_the_future_is_refused_naming_paidOn() {
		this.fixture.givenCurrentTime(Grants.PAYOUT_DAY)
			.andGiven(Grants.confirmedGrant(Grants.requested("r1", "600.00")))
			.when(payOutOn(Grants.PAID_ON.plusDays(1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "paidOn"))
			.expectNoEvents();
	}

	@Test
	void a_refund_before_the_first_payout_is_refused_naming_receivedOn() {
		this.fixture.given(Grants.refundDue())
			.when(refundOn(Grants.PAID_ON.minusDays(1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receivedOn"))
			.expectNoEvents();
	}

	@Test
	void a_refund_in_the_future_is_refused_naming_receivedOn() {
		this.fixture.given(Grants.refundDue())
			.when(refundOn(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(2)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receivedOn"))
			.expectNoEvents();
	}

	@Test
	void a_refund_on_the_day_of_the_first_payout_is_recorded() {
		this.fixture.given(Grants.refundDue()).when(refundOn(Grants.PAID_ON)).expectSuccessfulHandlerExecution();
	}

}
