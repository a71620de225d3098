package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Dates that mean something, over HTTP: a payout is not paid before the grant notice was
 * confirmed (today here) nor in the future; a refund is not received before the first
 * payout; receipts are dated inside the project period (1 May to 30 September), widened
 * by the fund's {@code receiptToleranceDays}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValueDatesAndReceiptsApiTest extends GrantApiTestSupport {

	private static void assertFieldError(Api.Response response, String field) {
		assertProblem(response, 400, field);
		assertThat(response.json().get("code").asText()).isEqualTo("INVALID_INPUT");
	}

	@Test
	void a_payout_before_the_notice_was_confirmed_or_in_the_future_and_a_refund_before_the_first_payout_are_refused() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":900.00}"));
		long before = events();

		assertFieldError(this.api.post("staff", payouts(id), payout("100.00", today.minusDays(1), null)), "paidOn");
		assertFieldError(this.api.post("staff", payouts(id), payout("100.00", today.plusDays(1), null)), "paidOn");
		assertThat(events()).isEqualTo(before);

		this.grants.payOutWithFourEyes(id, payout("900.00", today, null));
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		before = events();
		assertFieldError(this.api.post("staff", refunds(id), refund("100.00", today.minusDays(1))), "receivedOn");
		assertFieldError(this.api.post("staff", refunds(id), refund("100.00", today.plusDays(1))), "receivedOn");
		assertThat(events()).isEqualTo(before);
		assertThat(ok(this.api.post("staff", refunds(id), refund("200.00", today))).get("status").asText())
			.isEqualTo("SETTLED");
	}

	@Test
	void receipts_outside_the_project_period_are_refused_naming_their_date_unless_the_fund_s_tolerance_covers_them() {
		int year = TestYears.next();
		JsonNode fund = created(this.api.post("staff", Api.FUNDS, """
				{"type":"ACTION_FUND","year":%d,"budget":20000.00,"perProjectCap":5000.00,"fastTrackLimit":1000.00,
				 "receiptToleranceDays":14}""".formatted(year)));
		assertThat(fund.get("receiptToleranceDays").asInt()).isEqualTo(14);
		String tolerant = fund.get("id").asText();
		String strict = this.given.openFund(Route.YOUTH_FUND, year);
		assertThat(ok(this.api.get("staff", Api.FUNDS + "/" + strict)).get("receiptToleranceDays").asInt()).isZero();
		String early = proof(year).replace(year + "-05-10", year + "-04-20");

		String strictGrant = this.given.confirmedGrant(Route.YOUTH_FUND, strict, year, "900.00");
		this.given.payOut(strictGrant, "900.00", Route.YOUTH_FUND.applicant);
		long before = events();
		assertFieldError(this.api.post(Route.YOUTH_FUND.applicant, proofOfUse(strictGrant), early), "receipts[0].date");
		assertThat(events()).isEqualTo(before);

		String tolerantGrant = this.given.confirmedGrant(Route.ACTION_FUND, tolerant, year, "900.00");
		this.given.payOut(tolerantGrant, "900.00");
		assertFieldError(this.api.post("applicant1", proofOfUse(tolerantGrant),
				proof(year).replace(year + "-05-10", year + "-04-16")), "receipts[0].date");
		assertThat(ok(this.api.post("applicant1", proofOfUse(tolerantGrant), early)).get("status").asText())
			.isEqualTo("PROOF_OF_USE_SUBMITTED");
		assertProblem(this.api.post("staff", Api.FUNDS, """
				{"type":"ACTION_FUND","year":%d,"budget":100.00,"receiptToleranceDays":-1}"""
			.formatted(TestYears.next())), 400, "receiptToleranceDays");
	}

}
