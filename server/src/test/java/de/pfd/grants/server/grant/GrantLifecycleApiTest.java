package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.APPLICATIONS;
import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.closure;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.formalCheck;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.grantNotice;
import static de.pfd.grants.server.Api.noticeConfirmation;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Api.submission;
import static de.pfd.grants.server.Api.votes;
import static de.pfd.grants.server.Api.voting;
import static de.pfd.grants.server.Applications.statuses;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.money;
import static de.pfd.grants.server.Json.text;
import static de.pfd.grants.server.grant.GrantFixtures.BUDGET;
import static de.pfd.grants.server.grant.GrantFixtures.PROOF_DUE_WEEKS;
import static de.pfd.grants.server.grant.GrantFixtures.SPEND_WITHIN_WEEKS;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The money of a grant over real HTTP, from the draft to the settlement, on both routes:
 * payout requests, payouts, proof of use, review and refunds, with the fund's figures
 * checked exactly after every step. The other grant API tests look closer at each part:
 * {@link IdempotentBookingsApiTest}, {@link ProofOfUseApiTest},
 * {@link GrantFiguresApiTest} and {@link GrantHostileInputApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantLifecycleApiTest extends GrantApiTestSupport {

	@ParameterizedTest(name = "{0}")
	@EnumSource(Route.class)
	void a_grant_runs_from_draft_to_settlement_and_the_fund_shows_exact_figures_after_every_step(Route route) {
		int year = TestYears.next();
		String fund = this.given.openFund(route, year);
		String applicant = route.applicant;
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		// draft, submission, formal check, vote: no money moves
		JsonNode app = created(this.api.post(applicant, APPLICATIONS, route.application(fund, year)));
		String id = app.get("id").asText();
		assertApplication(app, "DRAFT", null);
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		app = ok(this.api.post(applicant, submission(id), null));
		assertApplication(app, "SUBMITTED", null);
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));
		assertThat(money(this.ledger.fund(fund), "requestedPending")).isEqualTo("1000.00");

		app = ok(this.api.post("staff", formalCheck(id), "{\"outcome\":\"ACCEPTED\"}"));
		assertApplication(app, "READY_FOR_DECISION", null);
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		app = ok(this.api.post("staff", voting(id), "{\"procedure\":\"MEETING\"}"));
		assertApplication(app, "IN_VOTING", null);
		for (String member : route.voters) {
			assertApplication(ok(this.api.post(member, votes(id), "{\"vote\":\"YES\"}")), "IN_VOTING", null);
		}
		this.ledger.assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		// approval of a reduced amount: the fund reserves it
		app = ok(this.api.post("staff", closure(id),
				"{\"approvedAmount\":900.00,\"conditions\":\"Teilnehmerlisten vorlegen\"}"));
		assertThat(app.get("status").asText()).isEqualTo("APPROVED");
		app = this.applications.awaitReserved(applicant, id);
		GrantMoney approved = GrantMoney.running("900.00", "0.00", "0.00");
		assertApplication(app, "APPROVED", approved);
		assertThat(app.get("grant").get("conditions").asText()).isEqualTo("Teilnehmerlisten vorlegen");
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		assertThat(money(this.ledger.fund(fund), "requestedPending")).isEqualTo("0.00");

		// grant notice and its confirmation: the proof of use falls due 6
		// weeks after the project ends
		app = ok(this.api.post("staff", grantNotice(id), "{\"reference\":\"ZB-" + year + "-001\"}"));
		assertApplication(app, "APPROVED", approved);
		assertThat(app.get("grant").get("noticeReference").asText()).isEqualTo("ZB-" + year + "-001");
		assertThat(text(app.get("grant"), "noticeIssuedAt")).isNotNull();
		assertThat(text(app.get("grant"), "noticeConfirmedAt")).isNull();
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		app = ok(this.api.post(applicant, noticeConfirmation(id), null));
		assertApplication(app, "APPROVED", approved);
		assertThat(text(app.get("grant"), "noticeConfirmedAt")).isNotNull();
		assertThat(app.get("grant").get("proofOfUseDueOn").asText())
			.isEqualTo(LocalDate.of(year, 9, 30).plusWeeks(PROOF_DUE_WEEKS).toString());
		assertThat(app.get("grant").get("proofOfUseOverdue").asBoolean()).isFalse();
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		// first payout request and payout
		app = ok(this.api.post(applicant, payoutRequests(id),
				"{\"amount\":600.00,\"purpose\":\"Honorare erste Hälfte\"}"));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "600.00", "0.00"));
		this.ledger.assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		app = this.grants.payOutWithFourEyes(id, payout("600.00", today, "UEB-1"));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
		assertThat(app.get("grant").get("spendBy").asText()).isEqualTo(today.plusWeeks(SPEND_WITHIN_WEEKS).toString());
		this.ledger.assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		// second payout request and payout
		app = ok(this.api.post(applicant, payoutRequests(id), "{\"amount\":300.00}"));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "900.00", "600.00"));
		this.ledger.assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		app = this.grants.payOutWithFourEyes(id, payout("300.00", today, "UEB-2"));
		GrantMoney paid = GrantMoney.running("900.00", "900.00", "900.00");
		assertApplication(app, "APPROVED", paid);
		this.ledger.assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// proof of use: 900.00 of costs, 200.00 of income (a negative line) = 700.00
		app = ok(this.api.post(applicant, proofOfUse(id), proof(year)));
		assertApplication(app, "PROOF_OF_USE_SUBMITTED", paid);
		JsonNode grant = app.get("grant");
		assertThat(grant.get("proofOfUseReport").asText()).isEqualTo("Drei Workshops mit 45 Jugendlichen.");
		assertThat(text(grant, "proofOfUseSubmittedAt")).isNotNull();
		assertThat(grant.get("receipts")).hasSize(4);
		assertThat(money(grant.get("receipts").get(3), "amount")).isEqualTo("-200.00");
		assertThat(grant.get("receipts").get(3).get("category").asText()).isEqualTo("OTHER");
		this.ledger.assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// review: 700.00 eligible; paid 900.00, so nothing is released and 200.00 is due
		app = ok(this.api.post("staff", review(id), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":700.00}"));
		assertApplication(app, "REFUND_DUE", paid.settled("700.00", "700.00", "200.00", "0.00", "200.00"));
		assertThat(money(app.get("grant"), "interest")).isEqualTo("0.00");
		this.ledger.assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// a part of the refund: booked on the fund and released from the reservation
		app = ok(this.api.post("staff", refunds(id), refund("150.00", today)));
		assertApplication(app, "REFUND_DUE", paid.settled("700.00", "700.00", "200.00", "150.00", "50.00"));
		this.ledger.assertFund(fund, Figures.of("750.00", "900.00", "150.00", "150.00", "19250.00"));

		// the rest: settled
		app = ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		assertApplication(app, "SETTLED", paid.settled("700.00", "700.00", "200.00", "200.00", "0.00"));
		assertThat(money(app.get("grant"), "interest")).isEqualTo("0.00");
		this.ledger.assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));

		// the applicant sees the same, with every payment and status on record
		JsonNode mine = ok(this.api.get(applicant, application(id)));
		assertApplication(mine, "SETTLED", paid.settled("700.00", "700.00", "200.00", "200.00", "0.00"));
		List<String> kinds = new ArrayList<>();
		List<String> amounts = new ArrayList<>();
		List<String> by = new ArrayList<>();
		mine.get("grant").get("payments").forEach(p -> {
			kinds.add(p.get("kind").asText());
			amounts.add(money(p, "amount"));
			by.add(p.get("by").asText());
		});
		assertThat(kinds).containsExactly("REQUEST", "PAYOUT", "REQUEST", "PAYOUT", "REFUND", "REFUND");
		assertThat(amounts).containsExactly("600.00", "600.00", "300.00", "300.00", "150.00", "50.00");
		// payouts: released by the second pair of eyes
		assertThat(by).containsExactly(applicant, "staff2", applicant, "staff2", "staff", "staff");
		assertThat(statuses(mine)).containsSubsequence("DRAFT", "SUBMITTED", "READY_FOR_DECISION", "IN_VOTING",
				"APPROVED", "PROOF_OF_USE_SUBMITTED", "REFUND_DUE", "SETTLED");
		assertThat(statuses(mine).get(statuses(mine).size() - 1)).isEqualTo("SETTLED");
		// every signed-in user of the partnership reads the same figures
		assertThat(Figures.from(ok(this.api.get("applicant2", fund(fund)))))
			.isEqualTo(Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		// a settled grant takes no more money
		assertCode(this.api.post(applicant, payoutRequests(id), "{\"amount\":1.00}"), 409, "WRONG_STATUS");
		assertCode(this.api.post("staff", refunds(id), refund("1.00", today)), 409, "WRONG_STATUS");
	}

}
