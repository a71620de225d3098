package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.OVERDUE;
import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Applications.statuses;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.grant.FundLedger.types;
import static de.pfd.grants.server.grant.GrantFixtures.PROOF_DUE_WEEKS;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The proof of use of a grant over real HTTP and its settlement: eligible spending above
 * what was paid, a proof returned for correction, and the list of overdue proofs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProofOfUseApiTest extends GrantApiTestSupport {

	/**
	 * A year long past, for a project whose proof of use is overdue; no other test uses
	 * it.
	 */
	private static final int PAST_YEAR = 2016;

	// ----------------------------------------------------------------- settlement

	@Test
	void eligible_spending_above_what_was_paid_releases_the_unspent_rest_and_the_balance_is_paid_before_settling() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":500.00}"));
		this.grants.payOutWithFourEyes(id, payout("500.00", today, null));
		this.ledger.assertFund(fund, Figures.of("900.00", "500.00", "0.00", "0.00", "19100.00"));
		ok(this.api.post("applicant1", proofOfUse(id),
				proof(year).replace("\"amount\":-200.00", "\"amount\":-100.00")));

		JsonNode app = ok(this.api.post("staff", review(id),
				"{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":800.00,\"note\":\"ok\"}"));

		// final grant 800.00 = min(900.00, 800.00); released 900.00 - max(800.00,
		// 500.00); 300.00 still to pay
		assertApplication(app, "PROOF_OF_USE_SUBMITTED",
				GrantMoney.running("900.00", "500.00", "500.00").settled("800.00", "800.00", null, "0.00", null));
		assertThat(app.get("grant").get("interest").isNull()).isTrue();
		assertThat(statuses(app)).doesNotContain("REFUND_DUE");
		this.ledger.assertFund(fund, Figures.of("800.00", "500.00", "100.00", "0.00", "19200.00"));
		assertCode(this.api.post("staff", refunds(id), refund("1.00", today)), 409, "WRONG_STATUS");
		assertCode(this.api.post("staff", payouts(id), payout("300.01", today, null)), 409, "PAYOUT_EXCEEDS_REQUEST");

		JsonNode settled = this.grants.payOutWithFourEyes(id, payout("300.00", today, "Schlusszahlung"));

		assertApplication(settled, "SETTLED",
				GrantMoney.running("900.00", "500.00", "800.00").settled("800.00", "800.00", null, "0.00", null));
		this.ledger.assertFund(fund, Figures.of("800.00", "800.00", "100.00", "0.00", "19200.00"));
		assertThat(types(this.ledger.movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT",
				"RELEASE", "PAYOUT");
	}

	// --------------------------------------------------- proof returned for correction

	@Test
	void a_proof_of_use_returned_for_correction_can_be_submitted_again_and_is_then_accepted() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.YOUTH_FUND, year);
		String id = this.given.confirmedGrant(Route.YOUTH_FUND, fund, year, "900.00");
		this.given.payOut(id, "500.00", "applicant3");
		ok(this.api.post("applicant3", proofOfUse(id), "{\"report\":\"Bericht\",\"receipts\":[{\"date\":\"" + year
				+ "-06-01\",\"category\":\"MATERIAL\",\"amount\":480.00}]}"));

		JsonNode returned = ok(this.api.post("staff", review(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"Beleg für die Raummiete fehlt\"}"));

		assertApplication(returned, "APPROVED", GrantMoney.running("900.00", "500.00", "500.00"));
		JsonNode last = returned.get("history").get(returned.get("history").size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("APPROVED");
		assertThat(last.get("by").asText()).isEqualTo("staff");
		assertThat(last.get("note").asText()).contains("Beleg für die Raummiete fehlt");
		this.ledger.assertFund(fund, Figures.of("900.00", "500.00", "0.00", "0.00", "19100.00"));
		assertCode(this.api.post("staff", review(id), "{\"eligibleAmount\":500.00}"), 409, "WRONG_STATUS");

		JsonNode resubmitted = ok(this.api.post("applicant3", proofOfUse(id),
				"{\"report\":\"Bericht, ergänzt\",\"receipts\":[{\"date\":\"" + year
						+ "-06-01\",\"category\":\"MATERIAL\",\"amount\":480.00},{\"date\":\"" + year
						+ "-06-02\",\"category\":\"RENT\",\"amount\":120.00}]}"));

		assertApplication(resubmitted, "PROOF_OF_USE_SUBMITTED", GrantMoney.running("900.00", "500.00", "500.00"));
		assertThat(resubmitted.get("grant").get("proofOfUseReport").asText()).isEqualTo("Bericht, ergänzt");
		assertThat(resubmitted.get("grant").get("receipts")).hasSize(2);
		JsonNode accepted = ok(
				this.api.post("staff", review(id), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":600.00}"));
		// final 600.00 of which 500.00 paid: no claim; 900.00 - 600.00 released;
		// 100.00 balance to pay
		assertApplication(accepted, "PROOF_OF_USE_SUBMITTED",
				GrantMoney.running("900.00", "500.00", "500.00").settled("600.00", "600.00", null, "0.00", null));
		this.ledger.assertFund(fund, Figures.of("600.00", "500.00", "300.00", "0.00", "19400.00"));
		JsonNode settled = this.grants.payOutWithFourEyes(id,
				payout("100.00", LocalDate.now(PartnershipCalendar.ZONE), null));
		assertThat(statuses(settled)).containsSubsequence("PROOF_OF_USE_SUBMITTED", "APPROVED",
				"PROOF_OF_USE_SUBMITTED", "SETTLED");
		this.ledger.assertFund(fund, Figures.of("600.00", "600.00", "300.00", "0.00", "19400.00"));
	}

	// -------------------------------------------------------------------- overdue

	@Test
	void staff_see_a_grant_whose_proof_of_use_is_overdue_and_applicants_may_not_look() {
		String fund = this.given.openFund("ACTION_FUND", PAST_YEAR);
		String late = this.given.confirmedGrant(Route.ACTION_FUND, fund, PAST_YEAR, "900.00");
		LocalDate due = LocalDate.of(PAST_YEAR, 9, 30).plusWeeks(PROOF_DUE_WEEKS);
		int year = TestYears.nextInTheFuture();
		String onTime = this.given.confirmedGrant(Route.ACTION_FUND, this.given.openFund(Route.ACTION_FUND, year), year,
				"900.00");

		// the persistent deadline (due date + 1 day, long past) fires on
		// the scheduler's next poll
		JsonNode[] entry = new JsonNode[1];
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			entry[0] = overdueEntry("staff", late);
			assertThat(entry[0]).isNotNull();
		});

		assertThat(entry[0].get("reason").asText()).isEqualTo("PROOF_OF_USE");
		assertThat(entry[0].get("since").asText()).isEqualTo(due.toString());
		assertThat(entry[0].get("fundId").asText()).isEqualTo(fund);
		assertThat(entry[0].get("organisation").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(entry[0].get("title").asText()).isEqualTo("Demokratiewerkstatt");
		JsonNode grant = ok(this.api.get("applicant1", application(late))).get("grant");
		assertThat(grant.get("proofOfUseOverdue").asBoolean()).isTrue();
		assertThat(grant.get("proofOfUseDueOn").asText()).isEqualTo(due.toString());
		assertThat(overdueEntry("staff", onTime)).isNull();
		assertThat(overdueEntry("auditor", late)).isNotNull();
		assertProblem(this.api.get("applicant1", OVERDUE), 403, null);
		assertProblem(this.api.get("board1", OVERDUE), 403, null);

		// late, but still accepted: once in, it is no longer overdue
		ok(this.api.post("applicant1", proofOfUse(late),
				"{\"report\":\"Spät, aber vollständig\",\"receipts\":[{\"date\":\"" + PAST_YEAR
						+ "-06-01\",\"category\":\"FEES\",\"amount\":900.00}]}"));
		assertThat(overdueEntry("staff", late)).isNull();
	}

	/** The application's entry in the overdue list as the user sees it, or null. */
	private JsonNode overdueEntry(String user, String id) {
		for (JsonNode entry : ok(this.api.get(user, OVERDUE))) {
			if (entry.get("applicationId").asText().equals(id)) {
				return entry;
			}
		}
		return null;
	}

}
