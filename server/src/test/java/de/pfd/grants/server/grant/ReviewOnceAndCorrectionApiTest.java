package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The review of a proof of use over HTTP: the eligible amount never exceeds the proven
 * net expense nor the approval, an accepted proof is reviewed once, and a mistaken review
 * is corrected by staff with a reason until the grant is settled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewOnceAndCorrectionApiTest extends GrantApiTestSupport {

	private static String correction(String id) {
		return review(id) + "/correction";
	}

	@Test
	void a_proof_of_use_is_reviewed_once_and_a_mistaken_review_is_corrected_until_the_grant_is_settled() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "900.00");
		// 900.00 of costs, 200.00 of income: 700.00 proven
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));

		assertProblem(this.api.post("staff", review(id), "{\"eligibleAmount\":700.01}"), 400, "eligibleAmount");
		JsonNode reviewed = ok(this.api.post("staff", review(id), "{\"eligibleAmount\":600.00}"));
		assertApplication(reviewed, "REFUND_DUE", GrantMoney.running("900.00", "900.00", "900.00")
			.settled("600.00", "600.00", "300.00", "0.00", "300.00"));
		assertCode(this.api.post("staff", review(id), "{\"eligibleAmount\":650.00}"), 409, "ALREADY_REVIEWED");

		long before = events();
		assertProblem(this.api.post("staff", correction(id), "{\"eligibleAmount\":700.00}"), 400, "reason");
		assertProblem(this.api.post("staff", correction(id), "{\"eligibleAmount\":700.01,\"reason\":\"Beleg\"}"), 400,
				"eligibleAmount");
		assertProblem(this.api.post("applicant1", correction(id), "{\"eligibleAmount\":700.00,\"reason\":\"x\"}"), 403,
				null);
		assertThat(events()).isEqualTo(before);

		JsonNode corrected = ok(this.api.post("staff", correction(id),
				"{\"eligibleAmount\":700.00,\"reason\":\"Mietbeleg nachgereicht\"}"));

		assertApplication(corrected, "REFUND_DUE", GrantMoney.running("900.00", "900.00", "900.00")
			.settled("700.00", "700.00", "200.00", "0.00", "200.00"));
		JsonNode last = corrected.get("history").get(corrected.get("history").size() - 1);
		assertThat(last.get("note").asText()).contains("Mietbeleg nachgereicht");
		assertThat(last.get("by").asText()).isEqualTo("staff");
		this.ledger.assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		JsonNode settled = ok(
				this.api.post("staff", refunds(id), refund("200.00", LocalDate.now(PartnershipCalendar.ZONE))));
		assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
		this.ledger.assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		assertCode(this.api.post("staff", correction(id), "{\"eligibleAmount\":600.00,\"reason\":\"zu spät\"}"), 409,
				"WRONG_STATUS");
	}

	@Test
	void a_correction_downwards_releases_the_difference_in_the_fund() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "500.00");
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		// 700.00 accepted of 500.00 paid: 200.00 released, 200.00 balance to pay
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		this.ledger.assertFund(fund, Figures.of("700.00", "500.00", "200.00", "0.00", "19300.00"));

		JsonNode corrected = ok(
				this.api.post("staff", correction(id), "{\"eligibleAmount\":500.00,\"reason\":\"Honorar doppelt\"}"));

		assertThat(corrected.get("status").asText()).isEqualTo("SETTLED");
		this.ledger.assertFund(fund, Figures.of("500.00", "500.00", "400.00", "0.00", "19500.00"));
	}

}
