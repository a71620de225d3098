package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.payoutRelease;
import static de.pfd.grants.server.Api.payoutRequests;
import static de.pfd.grants.server.Api.payouts;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.payout;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.money;
import static de.pfd.grants.server.grant.FundLedger.types;
import static de.pfd.grants.server.grant.GrantMoney.assertApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Payout requests, payouts and refunds over real HTTP, retried with an idempotency key:
 * booked once on the grant and on the fund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotentBookingsApiTest extends GrantApiTestSupport {

	@Test
	void the_same_idempotency_key_books_a_payout_request_a_payout_and_a_refund_once() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);

		JsonNode first = ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}", "abruf-1"));
		long events = bookings();
		JsonNode again = ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}", "abruf-1"));
		assertThat(bookings()).isEqualTo(events);
		assertThat(money(again.get("grant"), "requestedPayouts")).isEqualTo("600.00");
		assertThat(again.get("grant").get("payments")).isEqualTo(first.get("grant").get("payments")).hasSize(1);

		JsonNode certified = ok(this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1"), "zahlung-1"));
		events = bookings();
		JsonNode certifiedAgain = ok(
				this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1"), "zahlung-1"));
		assertThat(bookings()).isEqualTo(events);
		assertThat(certifiedAgain.get("payoutId").asText()).isEqualTo(certified.get("payoutId").asText());
		assertThat(certifiedAgain.get("grant").get("pendingPayouts")).hasSize(1);
		String release = payoutRelease(id, certified.get("payoutId").asText());
		ok(this.api.post("staff2", release, null));
		events = bookings();
		JsonNode paid = ok(this.api.post("staff2", release, null));
		assertThat(bookings()).isEqualTo(events);
		assertApplication(paid, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
		this.ledger.assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":400.00}"));
		// final 400.00, paid 600.00: 200.00 due; 900.00 - 600.00 released at settlement
		this.ledger.assertFund(fund, Figures.of("600.00", "600.00", "300.00", "0.00", "19400.00"));
		ok(this.api.post("staff", refunds(id), refund("100.00", today), "rueckzahlung-1"));
		events = bookings();
		JsonNode refunded = ok(this.api.post("staff", refunds(id), refund("100.00", today), "rueckzahlung-1"));
		assertThat(bookings()).isEqualTo(events);
		assertThat(refunded.get("status").asText()).isEqualTo("REFUND_DUE");
		assertThat(money(refunded.get("grant"), "refunded")).isEqualTo("100.00");
		this.ledger.assertFund(fund, Figures.of("500.00", "600.00", "400.00", "100.00", "19500.00"));
		assertThat(types(this.ledger.movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT",
				"RELEASE", "REFUND", "RELEASE");

		// without a key, every request is an operation of its own
		ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		JsonNode settled = ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
		this.ledger.assertFund(fund, Figures.of("400.00", "600.00", "500.00", "200.00", "19600.00"));
	}

	/**
	 * The fund remembers booked payouts fund-wide: the operation id of a payout therefore
	 * names the application too, so one key used for two applications books two payouts.
	 */
	@Test
	void the_same_idempotency_key_on_payouts_of_two_applications_books_both_on_the_fund() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String first = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		String second = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		ok(this.api.post("applicant1", payoutRequests(first), "{\"amount\":600.00}"));
		ok(this.api.post("applicant1", payoutRequests(second), "{\"amount\":600.00}"));

		this.grants.payOutWithFourEyes(first, payout("600.00", today, null), "zahlung-1");
		JsonNode paid = this.grants.payOutWithFourEyes(second, payout("600.00", today, null), "zahlung-1");

		assertThat(money(paid.get("grant"), "paid")).isEqualTo("600.00");
		this.ledger.assertFund(fund, Figures.of("1800.00", "1200.00", "0.00", "0.00", "18200.00"));
		assertThat(types(this.ledger.movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "RESERVATION",
				"PAYOUT", "PAYOUT");
	}

	/**
	 * The stored events but the flag of an overdue proof of use: the test's year may be
	 * past, and its deadline then fires whenever the scheduler polls.
	 */
	private long bookings() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%ProofOfUseOverdue'", Long.class);
	}

}
