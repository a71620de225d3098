package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.fund.RecordingFundLedger.Booking;
import de.pfd.grants.command.fund.RecordingFundLedger.Kind;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.command.partnership.FixedPartnerships;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.ReleasePayoutCommand;

/**
 * Four eyes (VV zu § 70 BHO), the partnership's default: one staff member certifies a
 * payout "sachlich und rechnerisch richtig", another releases it, and only the release
 * books it on the fund. Payouts only on request: certified payouts count against the open
 * requests.
 */
class FourEyesPayoutTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters(),
			KnownOrganisations.standard(), FixedPartnerships.withFourEyes());

	private TestExecutor<Application> given(List<Object> events) {
		return this.fixture.givenCurrentTime(Grants.PAYOUT_DAY).andGiven(events);
	}

	private static ReleasePayoutCommand release(String id, String releasedBy) {
		return new ReleasePayoutCommand(Applications.APPLICATION, id, releasedBy);
	}

	@Test
	void a_recorded_payout_is_certified_only_and_nothing_is_booked_on_the_fund() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(Grants.certify("p1", "600.00", "staff"))
			.expectEvents(Grants.certified("p1", "600.00", "staff"));
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void another_staff_member_releases_it_and_the_fund_books_it_first() {
		List<Object> given = Grants.confirmedGrant(Grants.requested("r1", "600.00"),
				Grants.certified("p1", "600.00", "staff"));
		given(given).when(release("p1", "staff2")).expectEvents(Grants.paid("p1", "600.00"));
		assertThat(this.funds.bookings()).extracting(Booking::kind, Booking::id, Booking::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PAYOUT, "p1", Grants.euros("600.00")));
	}

	@Test
	void the_staff_member_who_certified_a_payout_may_not_release_it() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.certified("p1", "600.00", "staff")))
			.when(release("p1", "staff"))
			.expectException(refusedWith(ErrorCode.FOUR_EYES_REQUIRED))
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void releasing_an_unknown_payout_is_refused_with_NOT_FOUND() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"))).when(release("p9", "staff2"))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void a_released_payout_released_again_is_booked_once() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.certified("p1", "600.00", "staff"),
				Grants.paid("p1", "600.00")))
			.when(release("p1", "staff2"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
		assertThat(this.funds.bookings()).isEmpty();
	}

	@Test
	void a_certified_payout_certified_again_with_the_same_id_is_certified_once() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.certified("p1", "600.00", "staff")))
			.when(Grants.certify("p1", "600.00", "staff"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void payouts_only_on_request_certified_payouts_count_against_the_open_requests() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.certified("p1", "400.00", "staff")))
			.when(Grants.certify("p2", "200.01", "staff"))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_REQUEST, "amount"))
			.expectNoEvents();
	}

	@Test
	void no_payout_is_certified_without_a_request() {
		given(Grants.confirmedGrant()).when(Grants.certify("p1", "0.01", "staff"))
			.expectException(refusedWith(ErrorCode.PAYOUT_EXCEEDS_REQUEST, "amount"))
			.expectNoEvents();
	}

	@Test
	void what_requests_cover_beyond_the_certified_payouts_can_still_be_certified() {
		given(Grants.confirmedGrant(Grants.requested("r1", "600.00"), Grants.certified("p1", "400.00", "staff")))
			.when(Grants.certify("p2", "200.00", "staff"))
			.expectEvents(Grants.certified("p2", "200.00", "staff"));
	}

}
