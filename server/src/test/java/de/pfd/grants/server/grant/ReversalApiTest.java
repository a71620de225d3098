package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.money;
import static de.pfd.grants.server.grant.FundLedger.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Corrections of bookings over HTTP: a wrongly recorded payout or refund is reversed by a
 * compensating booking with a reason; the payments list and the fund's movements show the
 * reversal with the reference to the original; nothing is reversed twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReversalApiTest extends GrantApiTestSupport {

	@Test
	void a_wrong_payout_is_reversed_once_and_the_fund_shows_it_as_not_paid() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "600.00");
		JsonNode app = ok(this.api.get("staff", de.pfd.grants.server.Api.application(id)));
		String payoutId = app.get("grant").get("payments").get(1).get("id").asText();
		String reversal = payouts(id) + "/" + payoutId + "/reversal";

		assertProblem(this.api.post("staff", reversal, "{}"), 400, "reason");
		assertCode(this.api.post("staff", payouts(id) + "/nope/reversal", "{\"reason\":\"x\"}"), 404, "NOT_FOUND");
		assertProblem(this.api.post("applicant1", reversal, "{\"reason\":\"x\"}"), 403, null);

		JsonNode reversed = ok(this.api.post("staff", reversal, "{\"reason\":\"doppelt erfasst\"}"));

		assertThat(money(reversed.get("grant"), "paid")).isEqualTo("0.00");
		JsonNode last = reversed.get("grant").get("payments").get(2);
		assertThat(last.get("kind").asText()).isEqualTo("PAYOUT_REVERSAL");
		assertThat(last.get("reverses").asText()).isEqualTo(payoutId);
		assertThat(last.get("reason").asText()).isEqualTo("doppelt erfasst");
		assertThat(money(last, "amount")).isEqualTo("-600.00");
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		assertThat(types(this.ledger.movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT",
				"PAYOUT");
		assertCode(this.api.post("staff", reversal, "{\"reason\":\"nochmal\"}"), 409, "ALREADY_REVERSED");
	}

	@Test
	void a_wrong_refund_is_reversed_and_its_money_is_bound_again_until_the_real_refund_arrives() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		JsonNode refunded = ok(this.api.post("staff", refunds(id), refund("150.00", today)));
		String refundId = refunded.get("grant").get("payments").get(2).get("id").asText();
		this.ledger.assertFund(fund, Figures.of("750.00", "900.00", "150.00", "150.00", "19250.00"));

		JsonNode reversed = ok(this.api.post("staff", refunds(id) + "/" + refundId + "/reversal",
				"{\"reason\":\"Zahlung eines anderen Trägers\"}"));

		assertThat(reversed.get("status").asText()).isEqualTo("REFUND_DUE");
		assertThat(money(reversed.get("grant"), "refunded")).isEqualTo("0.00");
		assertThat(money(reversed.get("grant"), "refundOutstanding")).isEqualTo("200.00");
		JsonNode last = reversed.get("grant").get("payments").get(3);
		assertThat(last.get("kind").asText()).isEqualTo("REFUND_REVERSAL");
		assertThat(last.get("reverses").asText()).isEqualTo(refundId);
		this.ledger.assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));
		assertCode(this.api.post("staff", refunds(id) + "/" + refundId + "/reversal", "{\"reason\":\"x\"}"), 409,
				"ALREADY_REVERSED");

		assertThat(ok(this.api.post("staff", refunds(id), refund("200.00", today))).get("status").asText())
			.isEqualTo("SETTLED");
		this.ledger.assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
	}

}
