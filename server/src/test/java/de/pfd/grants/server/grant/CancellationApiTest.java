package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Cancellation after a payout over HTTP: the applicant (or staff) cancels; the unpaid
 * reservation returns to the fund at once, the money paid is claimed back and released as
 * the refunds arrive; the application shows CANCELLED with no funds reserved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancellationApiTest extends GrantApiTestSupport {

	private static String cancellation(String id) {
		return Api.application(id) + "/cancellation";
	}

	@Test
	void the_applicant_cancels_after_a_payout_and_the_refunds_release_the_rest_of_the_reservation() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "400.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);

		assertProblem(this.api.post("applicant1", cancellation(id), "{}"), 400, "reason");
		assertProblem(this.api.post("auditor", cancellation(id), "{\"reason\":\"x\"}"), 403, null);
		assertCode(this.api.post("applicant2", cancellation(id), "{\"reason\":\"x\"}"), 404, "NOT_FOUND");

		JsonNode cancelled = ok(
				this.api.post("applicant1", cancellation(id), "{\"reason\":\"Referentin abgesprungen\"}"));

		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("grant").get("fundsReserved").asBoolean()).isFalse();
		assertThat(money(cancelled.get("grant"), "refundClaim")).isEqualTo("400.00");
		assertThat(money(cancelled.get("grant"), "refundOutstanding")).isEqualTo("400.00");
		// 500.00 unpaid released at once; the 400.00 paid stays bound until refunded
		this.ledger.assertFund(fund, Figures.of("400.00", "400.00", "500.00", "0.00", "19600.00"));
		assertCode(this.api.post("staff", payouts(id), payout("1.00", today, null)), 409, "WRONG_STATUS");

		ok(this.api.post("staff", refunds(id), refund("150.00", today)));
		JsonNode repaid = ok(this.api.post("staff", refunds(id), refund("250.00", today)));

		assertThat(repaid.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(money(repaid.get("grant"), "refundOutstanding")).isEqualTo("0.00");
		this.ledger.assertFund(fund, Figures.of("0.00", "400.00", "900.00", "400.00", "20000.00"));
		assertCode(this.api.post("staff", refunds(id), refund("0.01", today)), 409, "REFUND_EXCEEDS_CLAIM");
	}

	@Test
	void staff_cancel_a_grant_without_payouts_and_all_its_money_returns() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.YOUTH_FUND, year);
		String id = this.given.confirmedGrant(Route.YOUTH_FUND, fund, year, "900.00");

		JsonNode cancelled = ok(this.api.post("staff", cancellation(id), "{\"reason\":\"Träger aufgelöst\"}"));

		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("grant").get("refundClaim").isNull()).isTrue();
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "900.00", "0.00", "20000.00"));
		long events = events();
		assertThat(ok(this.api.post("staff", cancellation(id), "{\"reason\":\"nochmal\"}")).get("status").asText())
			.isEqualTo("CANCELLED");
		assertThat(events()).isEqualTo(events);
		assertCode(this.api.post(Route.YOUTH_FUND.applicant, Api.withdrawal(id), "{}"), 409, "WRONG_STATUS");
	}

}
