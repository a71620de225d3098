package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRelease;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Json;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Four eyes for payouts (VV zu § 70 BHO) over HTTP: {@code staff} certifies, the fund
 * books nothing yet and the grant shows the payout as pending; another staff member
 * ({@code staff2}) releases it and the fund books it. Payouts only on request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FourEyesPayoutApiTest extends GrantApiTestSupport {

	private static final String SETTINGS = "/api/partnership/settings";

	@Test
	void a_certified_payout_waits_for_a_second_staff_member_and_only_then_is_booked_on_the_fund() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}"));

		JsonNode certified = ok(this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1")));

		String payoutId = Json.text(certified, "payoutId");
		assertThat(payoutId).isNotBlank();
		assertApplication(certified, "APPROVED", GrantMoney.running("900.00", "600.00", "0.00"));
		JsonNode pending = certified.get("grant").get("pendingPayouts");
		assertThat(pending).hasSize(1);
		assertThat(Json.text(pending.get(0), "payoutId")).isEqualTo(payoutId);
		assertThat(Json.money(pending.get(0), "amount")).isEqualTo("600.00");
		assertThat(Json.text(pending.get(0), "paidOn")).isEqualTo(today.toString());
		assertThat(Json.text(pending.get(0), "reference")).isEqualTo("UEB-1");
		assertThat(Json.text(pending.get(0), "certifiedBy")).isEqualTo("staff");
		assertThat(Json.text(pending.get(0), "certifiedAt")).isNotNull();
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		// the same person may not release it; an unknown payout is not found
		assertCode(this.api.post("staff", payoutRelease(id, payoutId), null), 409, "FOUR_EYES_REQUIRED");
		assertCode(this.api.post("staff2", payoutRelease(id, "no-such-payout"), null), 404, "NOT_FOUND");
		assertProblem(this.api.post("applicant1", payoutRelease(id, payoutId), null), 403, null);
		assertProblem(this.api.post("auditor", payoutRelease(id, payoutId), null), 403, null);
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		JsonNode released = ok(this.api.post("staff2", payoutRelease(id, payoutId), null));

		assertApplication(released, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
		assertThat(released.get("grant").get("pendingPayouts")).isEmpty();
		JsonNode payment = released.get("grant").get("payments").get(1);
		assertThat(Json.text(payment, "kind")).isEqualTo("PAYOUT");
		assertThat(Json.text(payment, "id")).isEqualTo(payoutId);
		assertThat(Json.text(payment, "by")).isEqualTo("staff2");
		this.ledger.assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));
	}

	@Test
	void staff_cannot_certify_a_payout_that_the_open_requests_do_not_cover() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);

		// no request at all
		assertNotCovered(this.api.post("staff", payouts(id), payout("10.00", today, null)));

		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}"));
		ok(this.api.post("staff", payouts(id), payout("400.00", today, null)));
		// 600.00 requested, 400.00 certified and pending: 200.00 open
		assertNotCovered(this.api.post("staff", payouts(id), payout("200.01", today, null)));
		JsonNode rest = ok(this.api.post("staff", payouts(id), payout("200.00", today, null)));
		assertThat(rest.get("grant").get("pendingPayouts")).hasSize(2);
	}

	private static void assertNotCovered(de.pfd.grants.server.Api.Response response) {
		assertProblem(response, 409, "amount");
		assertThat(response.json().get("code").asText()).isEqualTo("PAYOUT_EXCEEDS_REQUEST");
	}

	@Test
	void with_four_eyes_turned_off_a_payout_is_booked_at_once_and_still_answers_its_payoutId() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}"));
		ok(this.api.put("staff", SETTINGS, "{\"fourEyesPayouts\":false,\"processingTimeTargetDays\":21}"));
		try {
			JsonNode paid = ok(this.api.post("staff", payouts(id),
					payout("600.00", LocalDate.now(PartnershipCalendar.ZONE), null)));

			assertThat(Json.text(paid, "payoutId")).isNotBlank();
			assertApplication(paid, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
			assertThat(paid.get("grant").get("pendingPayouts")).isEmpty();
			this.ledger.assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));
		}
		finally {
			ok(this.api.put("staff", SETTINGS, "{\"fourEyesPayouts\":true,\"processingTimeTargetDays\":21}"));
		}
	}

}
