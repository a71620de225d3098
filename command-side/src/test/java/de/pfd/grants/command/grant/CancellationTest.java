package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.CancelGrantCommand;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Cancellation of the grant of 900.00 after a payout: the unpaid reservation goes back to
 * the fund now, all money paid becomes a refund claim, released as the refunds arrive.
 */
class CancellationTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static CancelGrantCommand byOwner(String reason) {
		return new CancelGrantCommand(Applications.APPLICATION, Grants.OWNER, false, reason);
	}

	private static LocalDate today() {
		return LocalDate.now(PartnershipCalendar.ZONE);
	}

	@Test
	void the_owner_cancels_after_a_payout_the_rest_is_released_and_the_payout_claimed_back() {
		this.fixture.given(Grants.confirmedGrant(Grants.requested("r1", "400.00"), Grants.paid("p1", "400.00")))
			.when(byOwner("Referentin abgesprungen"))
			.expectEvents(new GrantCancelled(Applications.APPLICATION, Applications.ACTION_FUND,
					"Referentin abgesprungen", Grants.OWNER, today(), Grants.euros("400.00"), Grants.euros("500.00"),
					Grants.euros("400.00")))
			.expectState(application -> assertThat(application.status()).isEqualTo(ApplicationStatus.CANCELLED));
		assertThat(this.funds.bookings(Kind.RELEASE)).extracting(Booking::amount, Booking::id)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Grants.euros("500.00"),
					"cancellation:" + Applications.APPLICATION.value()));
	}

	@Test
	void staff_cancel_too_and_without_a_payout_nothing_is_claimed() {
		this.fixture.given(Grants.confirmedGrant())
			.when(new CancelGrantCommand(Applications.APPLICATION, "staff", true, "Träger aufgelöst"))
			.expectEvents(new GrantCancelled(Applications.APPLICATION, Applications.ACTION_FUND, "Träger aufgelöst",
					"staff", today(), Money.ZERO, Grants.euros("900.00"), Money.ZERO));
	}

	@Test
	void another_applicant_cannot_cancel_and_a_cancellation_needs_a_reason() {
		this.fixture.given(Grants.confirmedGrant())
			.when(new CancelGrantCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT, false, "weg"))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
		this.fixture.given(Grants.confirmedGrant())
			.when(byOwner("  "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "reason"))
			.expectNoEvents();
	}

	@Test
	void a_settled_or_reviewed_grant_cannot_be_cancelled() {
		this.fixture.given(Grants.refundDue())
			.when(byOwner("zu spät"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void refunds_are_recorded_against_the_cancelled_grant_and_the_fund_releases_them() {
		GrantCancelled cancelled = new GrantCancelled(Applications.APPLICATION, Applications.ACTION_FUND, "weg",
				Grants.OWNER, Grants.PAID_ON, Grants.euros("400.00"), Grants.euros("500.00"), Grants.euros("400.00"));
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "400.00"), Grants.paid("p1", "400.00"), cancelled))
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Grants.euros("400.00"), Grants.PAID_ON))
			.expectEvents(new de.pfd.grants.shared.grant.RefundRecorded(Applications.APPLICATION,
					Applications.ACTION_FUND, "f1", Grants.euros("400.00"), Grants.PAID_ON, Money.ZERO))
			.expectState(application -> assertThat(application.status()).isEqualTo(ApplicationStatus.CANCELLED));
		assertThat(this.funds.bookings(Kind.REFUND)).extracting(Booking::amount)
			.containsExactly(Grants.euros("400.00"));
		this.fixture
			.given(Grants.confirmedGrant(Grants.requested("r1", "400.00"), Grants.paid("p1", "400.00"), cancelled))
			.when(new RecordRefundCommand(Applications.APPLICATION, "f1", Grants.euros("400.01"), Grants.PAID_ON))
			.expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CLAIM, "amount"));
	}

}
