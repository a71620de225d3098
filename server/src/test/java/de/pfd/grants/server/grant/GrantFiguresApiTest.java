package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.fundAsOf;
import static de.pfd.grants.server.Api.movements;
import static de.pfd.grants.server.Api.movementsCsv;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.instant;
import static de.pfd.grants.server.Json.money;
import static de.pfd.grants.server.grant.FundLedger.movement;
import static de.pfd.grants.server.grant.FundLedger.types;
import static de.pfd.grants.server.grant.GrantFixtures.BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The money of grants on the fund over real HTTP: the figures as they stood at earlier
 * instants, and the movements as JSON and CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantFiguresApiTest extends GrantApiTestSupport {

	@Test
	void the_figures_as_they_stood_after_approval_after_payouts_and_after_refunds() throws InterruptedException {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		Instant afterApproval = between();
		this.given.payOut(id, "600.00");
		this.given.payOut(id, "300.00");
		Instant afterPayouts = between();
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		ok(this.api.post("staff", refunds(id), refund("150.00", LocalDate.now(PartnershipCalendar.ZONE))));
		ok(this.api.post("staff", refunds(id), refund("50.00", LocalDate.now(PartnershipCalendar.ZONE))));
		Instant afterRefunds = between();

		this.ledger.assertFundAsOf(fund, afterApproval, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		this.ledger.assertFundAsOf(fund, afterPayouts, Figures.of("900.00", "900.00", "0.00", "0.00", "19100.00"));
		this.ledger.assertFundAsOf(fund, afterRefunds, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		this.ledger.assertFund(fund, Figures.of("700.00", "900.00", "200.00", "200.00", "19300.00"));
		// the instant of a booking counts, a microsecond before it does not
		Instant reserved = instant(movement(this.ledger.movements(fund), "RESERVATION", 0), "occurredAt");
		this.ledger.assertFundAsOf(fund, reserved, Figures.of("900.00", "0.00", "0.00", "0.00", "19100.00"));
		this.ledger.assertFundAsOf(fund, reserved.minusNanos(1_000),
				Figures.of("0.00", "0.00", "0.00", "0.00", BUDGET));
		Instant firstRefund = instant(movement(this.ledger.movements(fund), "REFUND", 0), "occurredAt");
		Instant itsRelease = instant(movement(this.ledger.movements(fund), "RELEASE", 0), "occurredAt");
		// the store keeps event times to the millisecond: the release that follows a
		// refund may share it
		this.ledger.assertFundAsOf(fund, firstRefund,
				itsRelease.equals(firstRefund) ? Figures.of("750.00", "900.00", "150.00", "150.00", "19250.00")
						: Figures.of("900.00", "900.00", "0.00", "150.00", "19100.00"));
		assertThat(ok(this.api.get("staff", fundAsOf(fund, afterPayouts))).get("asOf").asText()).isNotBlank();
	}

	@Test
	void movements_list_every_booking_with_a_running_balance_and_auditors_get_them_as_csv() throws IOException {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "600.00");
		this.given.payOut(id, "300.00");
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		ok(this.api.post("staff", refunds(id), refund("150.00", LocalDate.now(PartnershipCalendar.ZONE))));
		ok(this.api.post("staff", refunds(id), refund("50.00", LocalDate.now(PartnershipCalendar.ZONE))));

		JsonNode movements = this.ledger.movements(fund);

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
		assertThat(ok(this.api.get("auditor", movements(fund)))).isEqualTo(movements);

		Api.Response csv = this.api.get("auditor", movementsCsv(fund));

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().lines().findFirst().orElse(""))
			.isEqualTo("sequence,occurredAt,type,applicationId,amount,available,note,actor,valueDate");
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

		assertProblem(this.api.get("applicant1", movementsCsv(fund)), 403, null);
		assertProblem(this.api.get("applicant1", movements(fund)), 403, null);
		assertProblem(this.api.get("board1", movementsCsv(fund)), 403, null);
		assertThat(this.api.get("staff", movementsCsv(fund)).status()).isEqualTo(200);
		assertProblem(this.api.get("auditor", movementsCsv("no-such-fund")), 404, null);
	}

	/** An instant strictly between two steps. */
	private static Instant between() throws InterruptedException {
		Thread.sleep(5);
		Instant now = Instant.now();
		Thread.sleep(5);
		return now;
	}

}
