package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.grantNotice;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Api.withdrawal;
import static de.pfd.grants.server.Applications.UNKNOWN;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.server.BadRequests;
import de.pfd.grants.server.BadRequests.Bad;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * A corpus of bad requests to every money endpoint of a grant over real HTTP: each is
 * refused naming the field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantHostileInputApiTest extends GrantApiTestSupport {

	@TestFactory
	Stream<DynamicTest> bad_requests_to_the_money_endpoints_are_refused_naming_the_field_and_store_nothing() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		String tomorrow = today.plusDays(1).toString();
		// notice issued, not confirmed
		String issued = this.given.approved(Route.ACTION_FUND, fund, year, "900.00");
		ok(this.api.post("staff", grantNotice(issued), "{\"reference\":\"ZB-1\"}"));
		// approved 900.00, requested 600.00 (300.00 still to request), paid 400.00
		// (200.00 requested and open)
		String running = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		ok(this.api.post("applicant1", payoutRequests(running), "{\"amount\":600.00}"));
		this.grants.payOutWithFourEyes(running, payout("400.00", today, null));
		// all paid, proof of use submitted
		String submitted = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(submitted, "900.00");
		ok(this.api.post("applicant1", proofOfUse(submitted), proof(year)));
		// 700.00 eligible of 900.00 paid: 200.00 due
		String refundDue = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(refundDue, "900.00");
		ok(this.api.post("applicant1", proofOfUse(refundDue), proof(year)));
		ok(this.api.post("staff", review(refundDue), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":700.00}"));
		Figures before = this.ledger.figures(fund);
		String receipt = "{\"date\":\"" + year + "-06-01\",\"category\":\"FEES\",\"amount\":100.00}";
		String huge = "x".repeat(100_000);

		List<Bad> cases = List.of(
				// payout requests (applicant)
				new Bad("payout request above approved minus requested", "applicant1", payoutRequests(running),
						"{\"amount\":300.01}", 409, "amount", "PAYOUT_REQUEST_EXCEEDS_APPROVAL"),
				new Bad("negative payout request", "applicant1", payoutRequests(running), "{\"amount\":-10.00}", 400,
						"amount", "INVALID_INPUT"),
				new Bad("payout request of zero", "applicant1", payoutRequests(running), "{\"amount\":0}", 400,
						"amount", "INVALID_INPUT"),
				new Bad("payout request with three decimals", "applicant1", payoutRequests(running),
						"{\"amount\":10.001}", 400, "amount", "INVALID_INPUT"),
				new Bad("absurd payout request", "applicant1", payoutRequests(running), "{\"amount\":1e12}", 400,
						"amount", "INVALID_INPUT"),
				new Bad("payout request as text", "applicant1", payoutRequests(running), "{\"amount\":\"hundert\"}",
						400, "amount", "INVALID_INPUT"),
				new Bad("payout request without amount", "applicant1", payoutRequests(running),
						"{\"purpose\":\"Miete\"}", 400, "amount", "INVALID_INPUT"),
				new Bad("payout request purpose over 2,000 characters", "applicant1", payoutRequests(running),
						"{\"amount\":10.00,\"purpose\":\"" + "p".repeat(2001) + "\"}", 400, "purpose", "INVALID_INPUT"),
				new Bad("payout request before the grant notice is confirmed", "applicant1", payoutRequests(issued),
						"{\"amount\":100.00}", 409, null, "WRONG_STATUS"),
				new Bad("payout request after the proof of use", "applicant1", payoutRequests(submitted),
						"{\"amount\":1.00}", 409, null, "WRONG_STATUS"),
				new Bad("payout request by another applicant", "applicant2", payoutRequests(running),
						"{\"amount\":10.00}", 404, null, "NOT_FOUND"),
				new Bad("payout request by staff", "staff", payoutRequests(running), "{\"amount\":10.00}", 403, null,
						null),
				new Bad("payout request for an unknown application", "applicant1", payoutRequests(UNKNOWN),
						"{\"amount\":10.00}", 404, null, "NOT_FOUND"),
				new Bad("malformed payout request", "applicant1", payoutRequests(running), "{\"amount\":", 400, null,
						"INVALID_INPUT"),
				// payouts (staff)
				new Bad("payout above the open request", "staff", payouts(running), payout("200.01", today, null), 409,
						"amount", "PAYOUT_EXCEEDS_REQUEST"),
				new Bad("payout paid on a future day", "staff", payouts(running),
						"{\"amount\":10.00,\"paidOn\":\"" + tomorrow + "\"}", 400, "paidOn", "INVALID_INPUT"),
				new Bad("payout without paidOn", "staff", payouts(running), "{\"amount\":10.00}", 400, "paidOn",
						"INVALID_INPUT"),
				new Bad("payout with a German date", "staff", payouts(running),
						"{\"amount\":10.00,\"paidOn\":\"01.06.2080\"}", 400, "paidOn", "INVALID_INPUT"),
				new Bad("negative payout", "staff", payouts(running), payout("-10.00", today, null), 400, "amount",
						"INVALID_INPUT"),
				new Bad("payout with three decimals", "staff", payouts(running), payout("10.005", today, null), 400,
						"amount", "INVALID_INPUT"),
				new Bad("payout reference over 200 characters", "staff", payouts(running),
						payout("10.00", today, "r".repeat(201)), 400, "reference", "INVALID_INPUT"),
				new Bad("payout before the grant notice is confirmed", "staff", payouts(issued),
						payout("10.00", today, null), 409, null, "WRONG_STATUS"),
				new Bad("payout recorded by the applicant", "applicant1", payouts(running),
						payout("10.00", today, null), 403, null, null),
				new Bad("payout recorded by an auditor", "auditor", payouts(running), payout("10.00", today, null), 403,
						null, null),
				// proof of use (applicant)
				new Bad("proof of use without report", "applicant1", proofOfUse(running),
						"{\"receipts\":[" + receipt + "]}", 400, "report", "INVALID_INPUT"),
				new Bad("proof of use with a blank report", "applicant1", proofOfUse(running),
						"{\"report\":\"   \",\"receipts\":[" + receipt + "]}", 400, "report", "INVALID_INPUT"),
				new Bad("proof of use with a report of 100,000 characters", "applicant1", proofOfUse(running),
						"{\"report\":\"" + huge + "\",\"receipts\":[" + receipt + "]}", 400, "report", "INVALID_INPUT"),
				new Bad("proof of use without receipts", "applicant1", proofOfUse(running), "{\"report\":\"Bericht\"}",
						400, "receipts", "INVALID_INPUT"),
				new Bad("proof of use with no receipt", "applicant1", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[]}", 400, "receipts", "INVALID_INPUT"),
				new Bad("receipt of zero", "applicant1", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt + "," + receipt.replace("100.00", "0.00")
								+ "]}",
						400, "receipts[1]", "INVALID_INPUT"),
				new Bad("receipt of an unknown category", "applicant1", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt.replace("FEES", "BRIBES") + "]}", 400,
						"receipts[0].category", "INVALID_INPUT"),
				new Bad("receipt without date", "applicant1", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[{\"category\":\"FEES\",\"amount\":100.00}]}", 400,
						"receipts[0].date", "INVALID_INPUT"),
				new Bad("receipt with three decimals", "applicant1", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt.replace("100.00", "100.001") + "]}", 400,
						"receipts[0].amount", "INVALID_INPUT"),
				new Bad("malformed proof of use", "applicant1", proofOfUse(running), "{\"report\":\"Bericht\",", 400,
						null, "INVALID_INPUT"),
				new Bad("proof of use before the grant notice is confirmed", "applicant1", proofOfUse(issued),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt + "]}", 409, null, "WRONG_STATUS"),
				new Bad("proof of use submitted twice", "applicant1", proofOfUse(submitted),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt + "]}", 409, null, "WRONG_STATUS"),
				new Bad("proof of use by another applicant", "applicant2", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt + "]}", 404, null, "NOT_FOUND"),
				new Bad("proof of use by staff", "staff", proofOfUse(running),
						"{\"report\":\"Bericht\",\"receipts\":[" + receipt + "]}", 403, null, null),
				// review (staff)
				new Bad("eligible amount above the approved", "staff", review(submitted),
						"{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":900.01}", 400, "eligibleAmount",
						"INVALID_AMOUNT"),
				new Bad("eligible amount above the proven net expense", "staff", review(submitted),
						"{\"eligibleAmount\":700.01}", 400, "eligibleAmount", "INVALID_AMOUNT"),
				new Bad("acceptance without eligible amount", "staff", review(submitted), "{\"outcome\":\"ACCEPTED\"}",
						400, "eligibleAmount", "INVALID_INPUT"),
				new Bad("negative eligible amount", "staff", review(submitted), "{\"eligibleAmount\":-1.00}", 400,
						"eligibleAmount", "INVALID_INPUT"),
				new Bad("eligible amount with three decimals", "staff", review(submitted),
						"{\"eligibleAmount\":700.001}", 400, "eligibleAmount", "INVALID_INPUT"),
				new Bad("proof returned without note", "staff", review(submitted), "{\"outcome\":\"RETURNED\"}", 400,
						"note", "INVALID_INPUT"),
				new Bad("proof returned with a blank note", "staff", review(submitted),
						"{\"outcome\":\"RETURNED\",\"note\":\"  \"}", 400, "note", "INVALID_INPUT"),
				new Bad("review with an unknown outcome", "staff", review(submitted),
						"{\"outcome\":\"MAYBE\",\"eligibleAmount\":700.00}", 400, "outcome", "INVALID_INPUT"),
				new Bad("review when no proof was submitted", "staff", review(running),
						"{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":100.00}", 409, null, "WRONG_STATUS"),
				new Bad("review by the applicant", "applicant1", review(submitted), "{\"eligibleAmount\":700.00}", 403,
						null, null),
				// refunds (staff)
				new Bad("refund when none is due", "staff", refunds(running), refund("10.00", today), 409, null,
						"WRONG_STATUS"),
				new Bad("refund above what is due", "staff", refunds(refundDue), refund("200.01", today), 409, "amount",
						"REFUND_EXCEEDS_CLAIM"),
				new Bad("refund received on a future day", "staff", refunds(refundDue),
						"{\"amount\":10.00,\"receivedOn\":\"" + tomorrow + "\"}", 400, "receivedOn", "INVALID_INPUT"),
				new Bad("refund without receivedOn", "staff", refunds(refundDue), "{\"amount\":10.00}", 400,
						"receivedOn", "INVALID_INPUT"),
				new Bad("refund of zero", "staff", refunds(refundDue), refund("0.00", today), 400, "amount",
						"INVALID_INPUT"),
				new Bad("refund recorded by the applicant", "applicant1", refunds(refundDue), refund("10.00", today),
						403, null, null),
				// withdrawal
				new Bad("withdrawal after the first payout", "applicant1", withdrawal(running),
						"{\"reason\":\"zu spät\"}", 409, null, "WRONG_STATUS"),
				new Bad("withdrawal with a refund due", "applicant1", withdrawal(refundDue), null, 409, null,
						"WRONG_STATUS"));
		Stream<DynamicTest> refused = BadRequests.refused(this.api, this::events, cases);
		Stream<DynamicTest> after = Stream.of(DynamicTest.dynamicTest("nothing changed", () -> {
			assertThat(this.ledger.figures(fund)).isEqualTo(before);
			assertApplication(ok(this.api.get("staff", application(running))), "APPROVED",
					GrantMoney.running("900.00", "600.00", "400.00"));
			assertThat(ok(this.api.get("staff", application(issued))).get("status").asText()).isEqualTo("APPROVED");
			assertThat(ok(this.api.get("staff", application(submitted))).get("status").asText())
				.isEqualTo("PROOF_OF_USE_SUBMITTED");
			assertThat(ok(this.api.get("staff", application(refundDue))).get("status").asText())
				.isEqualTo("REFUND_DUE");
		}), DynamicTest.dynamicTest("the limits themselves are allowed", () -> {
			assertApplication(ok(this.api.post("applicant1", payoutRequests(running), "{\"amount\":300.00}")),
					"APPROVED", GrantMoney.running("900.00", "900.00", "400.00"));
			assertApplication(this.grants.payOutWithFourEyes(running, payout("500.00", today, null)), "APPROVED",
					GrantMoney.running("900.00", "900.00", "900.00"));
			assertThat(ok(this.api.post("staff", refunds(refundDue), refund("200.00", today))).get("status").asText())
				.isEqualTo("SETTLED");
			// the proven net expense (900.00 - 200.00) is the limit, below the approval;
			// 900.00 were paid, so 200.00 are claimed back
			assertThat(
					ok(this.api.post("staff", review(submitted), "{\"eligibleAmount\":700.00}")).get("status").asText())
				.isEqualTo("REFUND_DUE");
		}));
		return Stream.concat(refused, after);
	}

}
