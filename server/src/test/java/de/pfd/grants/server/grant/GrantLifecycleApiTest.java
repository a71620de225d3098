package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;

/**
 * The money of a grant over real HTTP: payout requests, payouts, proof of use, review,
 * settlement and refunds, with the fund's figures checked exactly after every step, as
 * they stood at earlier instants, and as movements (JSON and CSV); a corpus of bad
 * requests to every money endpoint; idempotent retries; a proof returned for correction;
 * and the overdue list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantLifecycleApiTest {

	static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

	/**
	 * A year long past, for a project whose proof of use is overdue; no other test uses
	 * it.
	 */
	private static final int PAST_YEAR = 2016;

	private static final String BUDGET = "20000.00";

	/** The fund's default: money is to be spent within 6 weeks of a payout. */
	private static final int SPEND_WITHIN_WEEKS = 6;

	/** The fund's default: the proof of use is due 6 weeks after the project ends. */
	private static final int PROOF_DUE_WEEKS = 6;

	/** The two funds and the bodies that decide them. */
	enum Route {

		/**
		 * Steering board; board2 belongs to the applicant's organisation and is recused.
		 */
		ACTION_FUND("applicant1", "Kulturverein Mettmann e.V.", false, "board1", "board3", "board4", "board5", "board6",
				"board7"),

		/** Youth forum; the applicant confirms its members are at most 27. */
		YOUTH_FUND("applicant3", "Jugendtreff Erkrath", true, "youth1", "youth2", "youth3", "youth4", "youth5");

		final String applicant;

		final String organisation;

		final boolean youth;

		final List<String> voters;

		Route(String applicant, String organisation, boolean youth, String... voters) {
			this.applicant = applicant;
			this.organisation = organisation;
			this.youth = youth;
			this.voters = List.of(voters);
		}

	}

	/** A fund's figures as plain two-decimal strings. */
	record Figures(String budget, String reserved, String paid, String released, String refunded, String lapsed,
			String available) {

		/** Figures of a fund with the test budget and nothing lapsed. */
		static Figures of(String reserved, String paid, String released, String refunded, String available) {
			return new Figures(BUDGET, reserved, paid, released, refunded, "0.00", available);
		}

	}

	/**
	 * The money part of an application's grant as plain two-decimal strings (null: not
	 * set).
	 */
	record GrantMoney(String approved, boolean fundsReserved, String requestedPayouts, String paid, String eligible,
			String finalGrant, String refundClaim, String refunded, String refundOutstanding) {

		/** Approved, reserved, requested and paid; not settled yet. */
		static GrantMoney running(String approved, String requested, String paid) {
			return new GrantMoney(approved, true, requested, paid, null, null, null, "0.00", null);
		}

		/** Accounted for: eligible, final grant, claim, refunded, outstanding. */
		GrantMoney settled(String eligible, String finalGrant, String claim, String refunded, String outstanding) {
			return new GrantMoney(this.approved, this.fundsReserved, this.requestedPayouts, this.paid, eligible,
					finalGrant, claim, refunded, outstanding);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	// ------------------------------------------------------------------ lifecycle

	@ParameterizedTest(name = "{0}")
	@EnumSource(Route.class)
	void a_grant_runs_from_draft_to_settlement_and_the_fund_shows_exact_figures_after_every_step(Route route) {
		int year = TestYears.next();
		String fund = openFund(route, year);
		String applicant = route.applicant;
		LocalDate today = LocalDate.now();
		assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		// draft, submission, formal check, vote: no money moves
		JsonNode app = created(this.api.post(applicant, "/api/applications", application(route, fund, year)));
		String id = app.get("id").asText();
		assertApplication(app, "DRAFT", null);
		assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		app = ok(this.api.post(applicant, "/api/applications/" + id + "/submission", null));
		assertApplication(app, "SUBMITTED", null);
		assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));
		assertThat(money(fund(fund), "requestedPending")).isEqualTo("1000.00");

		app = ok(this.api.post("staff", "/api/applications/" + id + "/formal-check", "{\"outcome\":\"ACCEPTED\"}"));
		assertApplication(app, "READY_FOR_DECISION", null);
		assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		app = ok(this.api.post("staff", "/api/applications/" + id + "/voting", "{\"procedure\":\"MEETING\"}"));
		assertApplication(app, "IN_VOTING", null);
		for (String member : route.voters) {
			assertApplication(
					ok(this.api.post(member, "/api/applications/" + id + "/voting/votes", "{\"vote\":\"YES\"}")),
					"IN_VOTING", null);
		}
		assertFund(fund, Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));

		// approval of a reduced amount: the fund reserves it
		app = ok(this.api.post("staff", "/api/applications/" + id + "/voting/closure",
				"{\"approvedAmount\":900.00,\"conditions\":\"Teilnehmerlisten vorlegen\"}"));
		assertThat(app.get("status").asText()).isEqualTo("APPROVED");
		app = awaitReserved(applicant, id);
		GrantMoney approved = GrantMoney.running("900.00", "0.00", "0.00");
		assertApplication(app, "APPROVED", approved);
		assertThat(app.get("grant").get("conditions").asText()).isEqualTo("Teilnehmerlisten vorlegen");
		assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		assertThat(money(fund(fund), "requestedPending")).isEqualTo("0.00");

		// grant notice and its confirmation: the proof of use falls due 6 weeks after the
		// project ends
		app = ok(this.api.post("staff", "/api/applications/" + id + "/grant-notice",
				"{\"reference\":\"ZB-" + year + "-001\"}"));
		assertApplication(app, "APPROVED", approved);
		assertThat(app.get("grant").get("noticeReference").asText()).isEqualTo("ZB-" + year + "-001");
		assertThat(text(app.get("grant"), "noticeIssuedAt")).isNotNull();
		assertThat(text(app.get("grant"), "noticeConfirmedAt")).isNull();
		assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		app = ok(this.api.post(applicant, "/api/applications/" + id + "/grant-notice/confirmation", null));
		assertApplication(app, "APPROVED", approved);
		assertThat(text(app.get("grant"), "noticeConfirmedAt")).isNotNull();
		assertThat(app.get("grant").get("proofOfUseDueOn").asText())
			.isEqualTo(LocalDate.of(year, 9, 30).plusWeeks(PROOF_DUE_WEEKS).toString());
		assertThat(app.get("grant").get("proofOfUseOverdue").asBoolean()).isFalse();
		assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		// first payout request and payout
		app = ok(this.api.post(applicant, payoutRequests(id),
				"{\"amount\":600.00,\"purpose\":\"Honorare erste Hälfte\"}"));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "600.00", "0.00"));
		assertFund(fund, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));

		app = ok(this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1")));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
		assertThat(app.get("grant").get("spendBy").asText()).isEqualTo(today.plusWeeks(SPEND_WITHIN_WEEKS).toString());
		assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		// second payout request and payout
		app = ok(this.api.post(applicant, payoutRequests(id), "{\"amount\":300.00}"));
		assertApplication(app, "APPROVED", GrantMoney.running("900.00", "900.00", "600.00"));
		assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		app = ok(this.api.post("staff", payouts(id), payout("300.00", today, "UEB-2")));
		GrantMoney paid = GrantMoney.running("900.00", "900.00", "900.00");
		assertApplication(app, "APPROVED", paid);
		assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// proof of use: 900.00 of costs, 200.00 of income (a negative line) = 700.00
		app = ok(this.api.post(applicant, proofOfUse(id), proof(year)));
		assertApplication(app, "PROOF_OF_USE_SUBMITTED", paid);
		JsonNode grant = app.get("grant");
		assertThat(grant.get("proofOfUseReport").asText()).isEqualTo("Drei Workshops mit 45 Jugendlichen.");
		assertThat(text(grant, "proofOfUseSubmittedAt")).isNotNull();
		assertThat(grant.get("receipts")).hasSize(4);
		assertThat(money(grant.get("receipts").get(3), "amount")).isEqualTo("-200.00");
		assertThat(grant.get("receipts").get(3).get("category").asText()).isEqualTo("OTHER");
		assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// review: 700.00 eligible; paid 900.00, so nothing is released and 200.00 is due
		app = ok(this.api.post("staff", review(id), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":700.00}"));
		assertApplication(app, "REFUND_DUE", paid.settled("700.00", "700.00", "200.00", "0.00", "200.00"));
		assertThat(money(app.get("grant"), "interest")).isEqualTo("0.00");
		assertFund(fund, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));

		// a part of the refund: booked on the fund and released from the reservation
		app = ok(this.api.post("staff", refunds(id), refund("150.00", today)));
		assertApplication(app, "REFUND_DUE", paid.settled("700.00", "700.00", "200.00", "150.00", "50.00"));
		assertFund(fund, Figures.of("750.00", "900.00", "150.00", "150.00", "19250.00"));

		// the rest: settled
		app = ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		assertApplication(app, "SETTLED", paid.settled("700.00", "700.00", "200.00", "200.00", "0.00"));
		assertThat(money(app.get("grant"), "interest")).isEqualTo("0.00");
		assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));

		// the applicant sees the same, with every payment and status on record
		JsonNode mine = ok(this.api.get(applicant, "/api/applications/" + id));
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
		assertThat(by).containsExactly(applicant, "staff", applicant, "staff", "staff", "staff");
		assertThat(statuses(mine)).containsSubsequence("DRAFT", "SUBMITTED", "READY_FOR_DECISION", "IN_VOTING",
				"APPROVED", "PROOF_OF_USE_SUBMITTED", "REFUND_DUE", "SETTLED");
		assertThat(statuses(mine).get(statuses(mine).size() - 1)).isEqualTo("SETTLED");
		// every signed-in user of the partnership reads the same figures
		assertThat(figures(ok(this.api.get("applicant2", "/api/funds/" + fund))))
			.isEqualTo(Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		// a settled grant takes no more money
		assertCode(this.api.post(applicant, payoutRequests(id), "{\"amount\":1.00}"), 409, "WRONG_STATUS");
		assertCode(this.api.post("staff", refunds(id), refund("1.00", today)), 409, "WRONG_STATUS");
	}

	@Test
	void eligible_spending_above_what_was_paid_releases_the_unspent_rest_and_the_balance_is_paid_before_settling() {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		String id = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now();
		ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":500.00}"));
		ok(this.api.post("staff", payouts(id), payout("500.00", today, null)));
		assertFund(fund, Figures.of("900.00", "500.00", "0.00", "0.00", "19100.00"));
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
		assertFund(fund, Figures.of("800.00", "500.00", "100.00", "0.00", "19200.00"));
		assertCode(this.api.post("staff", refunds(id), refund("1.00", today)), 409, "WRONG_STATUS");
		assertCode(this.api.post("staff", payouts(id), payout("300.01", today, null)), 409, "PAYOUT_EXCEEDS_REQUEST");

		JsonNode settled = ok(this.api.post("staff", payouts(id), payout("300.00", today, "Schlusszahlung")));

		assertApplication(settled, "SETTLED",
				GrantMoney.running("900.00", "500.00", "800.00").settled("800.00", "800.00", null, "0.00", null));
		assertFund(fund, Figures.of("800.00", "800.00", "100.00", "0.00", "19200.00"));
		assertThat(types(movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT", "RELEASE",
				"PAYOUT");
	}

	// ------------------------------------------------------- as of, movements, CSV

	@Test
	void the_figures_as_they_stood_after_approval_after_payouts_and_after_refunds() throws InterruptedException {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		String id = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		Instant afterApproval = between();
		payOut(id, "600.00");
		payOut(id, "300.00");
		Instant afterPayouts = between();
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		ok(this.api.post("staff", refunds(id), refund("150.00", LocalDate.now())));
		ok(this.api.post("staff", refunds(id), refund("50.00", LocalDate.now())));
		Instant afterRefunds = between();

		assertFundAsOf(fund, afterApproval, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		assertFundAsOf(fund, afterPayouts, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));
		assertFundAsOf(fund, afterRefunds, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		// the instant of a booking counts, a microsecond before it does not
		Instant reserved = instant(movement(movements(fund), "RESERVATION", 0), "occurredAt");
		assertFundAsOf(fund, reserved, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		assertFundAsOf(fund, reserved.minusNanos(1_000), Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));
		Instant firstRefund = instant(movement(movements(fund), "REFUND", 0), "occurredAt");
		Instant itsRelease = instant(movement(movements(fund), "RELEASE", 0), "occurredAt");
		// the store keeps event times to the millisecond: the release that follows a
		// refund may share it
		assertFundAsOf(fund, firstRefund,
				itsRelease.equals(firstRefund) ? Figures.of("750.00", "900.00", "150.00", "150.00", "19250.00")
						: Figures.of("900.00", "900.00", "0.00", "150.00", "19100.00"));
		assertThat(ok(this.api.get("staff", "/api/funds/" + fund + "?asOf=" + afterPayouts)).get("asOf").asText())
			.isNotBlank();
	}

	@Test
	void movements_list_every_booking_with_a_running_balance_and_auditors_get_them_as_csv() throws IOException {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		String id = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		payOut(id, "600.00");
		payOut(id, "300.00");
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		ok(this.api.post("staff", refunds(id), refund("150.00", LocalDate.now())));
		ok(this.api.post("staff", refunds(id), refund("50.00", LocalDate.now())));

		JsonNode movements = movements(fund);

		assertThat(types(movements)).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT", "PAYOUT", "REFUND",
				"RELEASE", "REFUND", "RELEASE");
		List<String> amounts = new ArrayList<>();
		List<String> balances = new ArrayList<>();
		List<Long> sequences = new ArrayList<>();
		movements.forEach(m -> {
			amounts.add(money(m, "amount"));
			balances.add(money(m, "available"));
			sequences.add(m.get("sequence").asLong());
		});
		assertThat(amounts).containsExactly(BUDGET, "900.00", "600.00", "300.00", "150.00", "150.00", "50.00", "50.00");
		assertThat(balances).containsExactly(BUDGET, "19100.00", "19100.00", "19100.00", "19100.00", "19250.00",
				"19250.00", "19300.00");
		assertThat(sequences).isSorted().doesNotHaveDuplicates();
		for (int i = 1; i < movements.size(); i++) {
			assertThat(movements.get(i).get("applicationId").asText()).isEqualTo(id);
		}
		assertThat(movements.get(0).get("actor").asText()).isEqualTo("staff");
		assertThat(ok(this.api.get("auditor", "/api/funds/" + fund + "/movements"))).isEqualTo(movements);

		Api.Response csv = this.api.get("auditor", "/api/funds/" + fund + "/movements.csv");

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().lines().findFirst().orElse(""))
			.isEqualTo("sequence,occurredAt,type,applicationId,amount,available,note,actor");
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.body()))) {
			rows = parser.getRecords();
		}
		assertThat(rows).hasSize(movements.size());
		for (int i = 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			JsonNode m = movements.get(i);
			assertThat(row.get("sequence")).isEqualTo(m.get("sequence").asText());
			assertThat(Instant.parse(row.get("occurredAt"))).isEqualTo(instant(m, "occurredAt"));
			assertThat(row.get("type")).isEqualTo(m.get("type").asText());
			assertThat(row.get("applicationId")).isEqualTo(i == 0 ? "" : id);
			assertThat(row.get("amount")).isEqualTo(money(m, "amount"));
			assertThat(row.get("available")).isEqualTo(money(m, "available"));
		}
		assertThat(rows.get(rows.size() - 1).get("available")).isEqualTo("19300.00");

		assertProblem(this.api.get("applicant1", "/api/funds/" + fund + "/movements.csv"), 403, null);
		assertProblem(this.api.get("applicant1", "/api/funds/" + fund + "/movements"), 403, null);
		assertProblem(this.api.get("board1", "/api/funds/" + fund + "/movements.csv"), 403, null);
		assertThat(this.api.get("staff", "/api/funds/" + fund + "/movements.csv").status()).isEqualTo(200);
		assertProblem(this.api.get("auditor", "/api/funds/no-such-fund/movements.csv"), 404, null);
	}

	// ------------------------------------------------------------- bad requests

	/** One bad request to a money endpoint: who sends what, and the expected problem. */
	record Bad(String what, String user, String path, String body, int status, String field, String code) {
	}

	@TestFactory
	Stream<DynamicTest> bad_requests_to_the_money_endpoints_are_refused_naming_the_field_and_store_nothing() {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		LocalDate today = LocalDate.now();
		String tomorrow = today.plusDays(1).toString();
		// notice issued, not confirmed
		String issued = approved(Route.ACTION_FUND, fund, year, "900.00");
		ok(this.api.post("staff", notice(issued), "{\"reference\":\"ZB-1\"}"));
		// approved 900.00, requested 600.00 (300.00 still to request), paid 400.00
		// (200.00
		// requested and open)
		String running = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		ok(this.api.post("applicant1", payoutRequests(running), "{\"amount\":600.00}"));
		ok(this.api.post("staff", payouts(running), payout("400.00", today, null)));
		// all paid, proof of use submitted
		String submitted = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		payOut(submitted, "900.00");
		ok(this.api.post("applicant1", proofOfUse(submitted), proof(year)));
		// 700.00 eligible of 900.00 paid: 200.00 due
		String refundDue = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		payOut(refundDue, "900.00");
		ok(this.api.post("applicant1", proofOfUse(refundDue), proof(year)));
		ok(this.api.post("staff", review(refundDue), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":700.00}"));
		Figures before = figures(fund(fund));
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
				new Bad("withdrawal after the first payout", "applicant1",
						"/api/applications/" + running + "/withdrawal", "{\"reason\":\"zu spät\"}", 409, null,
						"WRONG_STATUS"),
				new Bad("withdrawal with a refund due", "applicant1", "/api/applications/" + refundDue + "/withdrawal",
						null, 409, null, "WRONG_STATUS"));
		Stream<DynamicTest> refused = cases.stream().map(bad -> DynamicTest.dynamicTest(bad.what(), () -> {
			long events = events();

			Api.Response response = this.api.post(bad.user(), bad.path(), bad.body());

			assertProblem(response, bad.status(), bad.field());
			if (bad.code() != null) {
				assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(bad.code());
			}
			assertThat(events()).as("events stored").isEqualTo(events);
		}));
		Stream<DynamicTest> after = Stream.of(DynamicTest.dynamicTest("nothing changed", () -> {
			assertThat(figures(fund(fund))).isEqualTo(before);
			assertApplication(ok(this.api.get("staff", "/api/applications/" + running)), "APPROVED",
					GrantMoney.running("900.00", "600.00", "400.00"));
			assertThat(ok(this.api.get("staff", "/api/applications/" + issued)).get("status").asText())
				.isEqualTo("APPROVED");
			assertThat(ok(this.api.get("staff", "/api/applications/" + submitted)).get("status").asText())
				.isEqualTo("PROOF_OF_USE_SUBMITTED");
			assertThat(ok(this.api.get("staff", "/api/applications/" + refundDue)).get("status").asText())
				.isEqualTo("REFUND_DUE");
		}), DynamicTest.dynamicTest("the limits themselves are allowed", () -> {
			assertApplication(ok(this.api.post("applicant1", payoutRequests(running), "{\"amount\":300.00}")),
					"APPROVED", GrantMoney.running("900.00", "900.00", "400.00"));
			assertApplication(ok(this.api.post("staff", payouts(running), payout("500.00", today, null))), "APPROVED",
					GrantMoney.running("900.00", "900.00", "900.00"));
			assertThat(ok(this.api.post("staff", refunds(refundDue), refund("200.00", today))).get("status").asText())
				.isEqualTo("SETTLED");
			assertThat(
					ok(this.api.post("staff", review(submitted), "{\"eligibleAmount\":900.00}")).get("status").asText())
				.isEqualTo("SETTLED");
		}));
		return Stream.concat(refused, after);
	}

	// ---------------------------------------------------------------- idempotency

	@Test
	void the_same_idempotency_key_books_a_payout_request_a_payout_and_a_refund_once() {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		String id = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now();

		JsonNode first = ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}", "abruf-1"));
		long events = events();
		JsonNode again = ok(this.api.post("applicant1", payoutRequests(id), "{\"amount\":600.00}", "abruf-1"));
		assertThat(events()).isEqualTo(events);
		assertThat(money(again.get("grant"), "requestedPayouts")).isEqualTo("600.00");
		assertThat(again.get("grant").get("payments")).isEqualTo(first.get("grant").get("payments")).hasSize(1);

		ok(this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1"), "zahlung-1"));
		events = events();
		JsonNode paid = ok(this.api.post("staff", payouts(id), payout("600.00", today, "UEB-1"), "zahlung-1"));
		assertThat(events()).isEqualTo(events);
		assertApplication(paid, "APPROVED", GrantMoney.running("900.00", "600.00", "600.00"));
		assertFund(fund, Figures.of("900.00", "600.00", "0.00", "0.00", "19100.00"));

		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":400.00}"));
		// final 400.00, paid 600.00: 200.00 due; 900.00 - 600.00 released at settlement
		assertFund(fund, Figures.of("600.00", "600.00", "300.00", "0.00", "19400.00"));
		ok(this.api.post("staff", refunds(id), refund("100.00", today), "rueckzahlung-1"));
		events = events();
		JsonNode refunded = ok(this.api.post("staff", refunds(id), refund("100.00", today), "rueckzahlung-1"));
		assertThat(events()).isEqualTo(events);
		assertThat(refunded.get("status").asText()).isEqualTo("REFUND_DUE");
		assertThat(money(refunded.get("grant"), "refunded")).isEqualTo("100.00");
		assertFund(fund, Figures.of("500.00", "600.00", "400.00", "100.00", "19500.00"));
		assertThat(types(movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "PAYOUT", "RELEASE",
				"REFUND", "RELEASE");

		// without a key, every request is an operation of its own
		ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		JsonNode settled = ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
		assertFund(fund, Figures.of("400.00", "600.00", "500.00", "200.00", "19600.00"));
	}

	/**
	 * The fund remembers booked payouts fund-wide: the operation id of a payout therefore
	 * names the application too, so one key used for two applications books two payouts.
	 */
	@Test
	void the_same_idempotency_key_on_payouts_of_two_applications_books_both_on_the_fund() {
		int year = TestYears.next();
		String fund = openFund(Route.ACTION_FUND, year);
		String first = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		String second = confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		LocalDate today = LocalDate.now();
		ok(this.api.post("applicant1", payoutRequests(first), "{\"amount\":600.00}"));
		ok(this.api.post("applicant1", payoutRequests(second), "{\"amount\":600.00}"));

		ok(this.api.post("staff", payouts(first), payout("600.00", today, null), "zahlung-1"));
		JsonNode paid = ok(this.api.post("staff", payouts(second), payout("600.00", today, null), "zahlung-1"));

		assertThat(money(paid.get("grant"), "paid")).isEqualTo("600.00");
		assertFund(fund, Figures.of("1800.00", "1200.00", "0.00", "0.00", "18200.00"));
		assertThat(types(movements(fund))).containsExactly("OPENING_BUDGET", "RESERVATION", "RESERVATION", "PAYOUT",
				"PAYOUT");
	}

	// --------------------------------------------------- proof returned for correction

	@Test
	void a_proof_of_use_returned_for_correction_can_be_submitted_again_and_is_then_accepted() {
		int year = TestYears.next();
		String fund = openFund(Route.YOUTH_FUND, year);
		String id = confirmedGrant(Route.YOUTH_FUND, fund, year, "900.00");
		payOut(id, "500.00", "applicant3");
		ok(this.api.post("applicant3", proofOfUse(id), "{\"report\":\"Bericht\",\"receipts\":[{\"date\":\"" + year
				+ "-06-01\",\"category\":\"MATERIAL\",\"amount\":480.00}]}"));

		JsonNode returned = ok(this.api.post("staff", review(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"Beleg für die Raummiete fehlt\"}"));

		assertApplication(returned, "APPROVED", GrantMoney.running("900.00", "500.00", "500.00"));
		JsonNode last = returned.get("history").get(returned.get("history").size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("APPROVED");
		assertThat(last.get("by").asText()).isEqualTo("staff");
		assertThat(last.get("note").asText()).contains("Beleg für die Raummiete fehlt");
		assertFund(fund, Figures.of("900.00", "500.00", "0.00", "0.00", "19100.00"));
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
		// final 600.00 of which 500.00 paid: no claim; 900.00 - 600.00 released; 100.00
		// balance to pay
		assertApplication(accepted, "PROOF_OF_USE_SUBMITTED",
				GrantMoney.running("900.00", "500.00", "500.00").settled("600.00", "600.00", null, "0.00", null));
		assertFund(fund, Figures.of("600.00", "500.00", "300.00", "0.00", "19400.00"));
		JsonNode settled = ok(this.api.post("staff", payouts(id), payout("100.00", LocalDate.now(), null)));
		assertThat(statuses(settled)).containsSubsequence("PROOF_OF_USE_SUBMITTED", "APPROVED",
				"PROOF_OF_USE_SUBMITTED", "SETTLED");
		assertFund(fund, Figures.of("600.00", "600.00", "300.00", "0.00", "19400.00"));
	}

	// -------------------------------------------------------------------- overdue

	@Test
	void staff_see_a_grant_whose_proof_of_use_is_overdue_and_applicants_may_not_look() {
		String fund = openFund("ACTION_FUND", PAST_YEAR);
		String late = confirmedGrant(Route.ACTION_FUND, fund, PAST_YEAR, "900.00");
		LocalDate due = LocalDate.of(PAST_YEAR, 9, 30).plusWeeks(PROOF_DUE_WEEKS);
		int year = TestYears.next();
		String onTime = confirmedGrant(Route.ACTION_FUND, openFund(Route.ACTION_FUND, year), year, "900.00");

		// the persistent deadline (due date + 1 day, long past) fires on the scheduler's
		// next
		// poll
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
		JsonNode grant = ok(this.api.get("applicant1", "/api/applications/" + late)).get("grant");
		assertThat(grant.get("proofOfUseOverdue").asBoolean()).isTrue();
		assertThat(grant.get("proofOfUseDueOn").asText()).isEqualTo(due.toString());
		assertThat(overdueEntry("staff", onTime)).isNull();
		assertThat(overdueEntry("auditor", late)).isNotNull();
		assertProblem(this.api.get("applicant1", "/api/grants/overdue"), 403, null);
		assertProblem(this.api.get("board1", "/api/grants/overdue"), 403, null);

		// late, but still accepted: once in, it is no longer overdue
		ok(this.api.post("applicant1", proofOfUse(late),
				"{\"report\":\"Spät, aber vollständig\",\"receipts\":[{\"date\":\"" + PAST_YEAR
						+ "-06-01\",\"category\":\"FEES\",\"amount\":900.00}]}"));
		assertThat(overdueEntry("staff", late)).isNull();
	}

	// -------------------------------------------------------------------- helpers

	private String openFund(Route route, int year) {
		return openFund(route.name(), year);
	}

	private String openFund(String type, int year) {
		Api.Response created = this.api.post("staff", "/api/funds", "{\"type\":\"" + type + "\",\"year\":" + year
				+ ",\"budget\":" + BUDGET + ",\"perProjectCap\":5000.00,\"fastTrackLimit\":1000.00}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode fund = created.json();
		assertThat(fund.get("spendWithinWeeks").asInt()).isEqualTo(SPEND_WITHIN_WEEKS);
		assertThat(fund.get("proofOfUseDueWeeks").asInt()).isEqualTo(PROOF_DUE_WEEKS);
		return fund.get("id").asText();
	}

	/**
	 * DESIGN §5's example (as in ApplicationApiTest) for the route's fund and applicant.
	 */
	static String application(Route route, String fundId, int year) {
		return """
				{"fundId":"%s","title":"Demokratiewerkstatt","summary":"Workshops für Jugendliche",
				 "actionField":"DEMOCRACY_PROMOTION","targetGroups":["YOUTH"],
				 "startDate":"%d-05-01","endDate":"%d-09-30",
				 "applicant":{"organisation":"%s","legalForm":"REGISTERED_ASSOCIATION","contactName":"Erika Muster",
				              "email":"erika@example.org","address":"Markt 1, 40822 Mettmann"%s},
				 "costs":[{"category":"FEES","description":"Honorare","amount":1200.00}],
				 "income":[{"source":"OWN_FUNDS","description":"Eigenmittel","amount":200.00}],
				 "requestedAmount":1000.00}""".formatted(fundId, year, year, route.organisation,
				route.youth ? ",\"youthConfirmed\":true" : "");
	}

	/** 900.00 of costs and 200.00 of income (a negative line): 700.00 net. */
	static String proof(int year) {
		return """
				{"report":"Drei Workshops mit 45 Jugendlichen.",
				 "receipts":[
				   {"date":"%1$d-05-10","description":"Honorar Referentin","category":"FEES","amount":600.00},
				   {"date":"%1$d-05-12","description":"Moderationsmaterial","category":"MATERIAL","amount":200.00},
				   {"date":"%1$d-05-20","description":"Flyer","category":"PUBLIC_RELATIONS","amount":100.00},
				   {"date":"%1$d-06-01","description":"Teilnahmebeiträge","category":"OTHER","amount":-200.00}]}"""
			.formatted(year);
	}

	private static String payout(String amount, LocalDate paidOn, String reference) {
		return "{\"amount\":" + amount + ",\"paidOn\":\"" + paidOn + "\""
				+ (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}";
	}

	private static String refund(String amount, LocalDate receivedOn) {
		return "{\"amount\":" + amount + ",\"receivedOn\":\"" + receivedOn + "\"}";
	}

	/**
	 * Drafted, submitted, accepted and approved on the fast track (the money reserved).
	 */
	private String approved(Route route, String fund, int year, String amount) {
		JsonNode created = created(this.api.post(route.applicant, "/api/applications", application(route, fund, year)));
		String id = created.get("id").asText();
		ok(this.api.post(route.applicant, "/api/applications/" + id + "/submission", null));
		ok(this.api.post("staff", "/api/applications/" + id + "/formal-check", "{\"outcome\":\"ACCEPTED\"}"));
		JsonNode decided = ok(this.api.post("staff", "/api/applications/" + id + "/decision",
				"{\"outcome\":\"APPROVED\",\"approvedAmount\":" + amount + "}"));
		assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
		awaitReserved(route.applicant, id);
		return id;
	}

	/** Approved on the fast track, grant notice issued and confirmed by the applicant. */
	private String confirmedGrant(Route route, String fund, int year, String amount) {
		String id = approved(route, fund, year, amount);
		ok(this.api.post("staff", notice(id), "{\"reference\":\"ZB-" + year + "\"}"));
		JsonNode confirmed = ok(this.api.post(route.applicant, notice(id) + "/confirmation", null));
		assertThat(text(confirmed.get("grant"), "noticeConfirmedAt")).isNotNull();
		return id;
	}

	/** A payout request of the amount (by applicant1) and its payout today. */
	private void payOut(String id, String amount) {
		payOut(id, amount, "applicant1");
	}

	private void payOut(String id, String amount, String applicant) {
		ok(this.api.post(applicant, payoutRequests(id), "{\"amount\":" + amount + "}"));
		ok(this.api.post("staff", payouts(id), payout(amount, LocalDate.now(), null)));
	}

	/** The application once the approval process has reserved its money. */
	private JsonNode awaitReserved(String user, String id) {
		JsonNode[] app = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			app[0] = ok(this.api.get(user, "/api/applications/" + id));
			JsonNode grant = app[0].get("grant");
			assertThat(grant).isNotNull();
			assertThat(grant.isNull()).isFalse();
			assertThat(grant.get("fundsReserved").asBoolean()).isTrue();
		});
		return app[0];
	}

	/** An instant strictly between two steps. */
	private static Instant between() throws InterruptedException {
		Thread.sleep(5);
		Instant now = Instant.now();
		Thread.sleep(5);
		return now;
	}

	private JsonNode fund(String fund) {
		return ok(this.api.get("staff", "/api/funds/" + fund));
	}

	private void assertFund(String fund, Figures expected) {
		assertThat(figures(fund(fund))).as("fund figures").isEqualTo(expected);
	}

	private void assertFundAsOf(String fund, Instant asOf, Figures expected) {
		JsonNode then = ok(this.api.get("auditor", "/api/funds/" + fund + "?asOf=" + asOf));
		assertThat(figures(then)).as("fund figures as of " + asOf).isEqualTo(expected);
		assertThat(instant(then, "asOf")).isEqualTo(asOf);
	}

	private static Figures figures(JsonNode fund) {
		return new Figures(money(fund, "budget"), money(fund, "reserved"), money(fund, "paid"), money(fund, "released"),
				money(fund, "refunded"), money(fund, "lapsed"), money(fund, "available"));
	}

	/** Status and the money of the grant (null: no grant yet). */
	private static void assertApplication(JsonNode app, String status, GrantMoney grant) {
		assertThat(app.get("status").asText()).as(app.toString()).isEqualTo(status);
		JsonNode g = app.get("grant");
		if (grant == null) {
			assertThat(g == null || g.isNull()).as("no grant yet").isTrue();
			return;
		}
		assertThat(new GrantMoney(money(g, "approvedAmount"), g.get("fundsReserved").asBoolean(),
				money(g, "requestedPayouts"), money(g, "paid"), money(g, "eligibleAmount"), money(g, "finalGrant"),
				money(g, "refundClaim"), money(g, "refunded"), money(g, "refundOutstanding")))
			.as("grant of " + app.get("id").asText())
			.isEqualTo(grant);
	}

	/** An amount as a two-decimal string, or null. */
	private static String money(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return new BigDecimal(value.asText()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	/** An instant as Jackson writes it: ISO-8601 text or decimal seconds. */
	private static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value.isNumber()) {
			BigDecimal seconds = value.decimalValue();
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}
		return Instant.parse(value.asText());
	}

	private JsonNode movements(String fund) {
		return ok(this.api.get("staff", "/api/funds/" + fund + "/movements"));
	}

	private static List<String> types(JsonNode movements) {
		List<String> types = new ArrayList<>();
		movements.forEach(m -> types.add(m.get("type").asText()));
		return types;
	}

	/** The n-th movement of the type. */
	private static JsonNode movement(JsonNode movements, String type, int n) {
		int seen = 0;
		for (JsonNode m : movements) {
			if (m.get("type").asText().equals(type) && seen++ == n) {
				return m;
			}
		}
		throw new AssertionError("no movement " + type + " #" + n + " in " + movements);
	}

	private static List<String> statuses(JsonNode app) {
		List<String> statuses = new ArrayList<>();
		app.get("history").forEach(change -> statuses.add(change.get("status").asText()));
		return statuses;
	}

	/** The application's entry in the overdue list as the user sees it, or null. */
	private JsonNode overdueEntry(String user, String id) {
		for (JsonNode entry : ok(this.api.get(user, "/api/grants/overdue"))) {
			if (entry.get("applicationId").asText().equals(id)) {
				return entry;
			}
		}
		return null;
	}

	private static String payoutRequests(String id) {
		return "/api/applications/" + id + "/payout-requests";
	}

	private static String payouts(String id) {
		return "/api/applications/" + id + "/payouts";
	}

	private static String proofOfUse(String id) {
		return "/api/applications/" + id + "/proof-of-use";
	}

	private static String review(String id) {
		return "/api/applications/" + id + "/proof-of-use/review";
	}

	private static String refunds(String id) {
		return "/api/applications/" + id + "/refunds";
	}

	private static String notice(String id) {
		return "/api/applications/" + id + "/grant-notice";
	}

	private long events() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
	}

}
