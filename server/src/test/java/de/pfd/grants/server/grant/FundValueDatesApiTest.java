package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.fundAsOf;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Json.money;
import static de.pfd.grants.server.grant.FundLedger.movement;
import static de.pfd.grants.server.grant.GrantFixtures.BUDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Value dates over real HTTP: the movements show the day the money moved beside the
 * instant of entry, and {@code asOf} takes a day (its end, by value date) or an instant
 * (by entry time); before the fund was opened it did not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FundValueDatesApiTest extends GrantApiTestSupport {

	@Test
	void movements_show_their_value_date_and_a_day_asks_for_the_figures_at_its_end_by_value_date() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "600.00");
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode payout = movement(this.ledger.movements(fund), "PAYOUT", 0);
			assertThat(payout.get("valueDate").asText()).isEqualTo(LocalDate.now(PartnershipCalendar.ZONE).toString());
		});
		JsonNode movements = this.ledger.movements(fund);
		JsonNode opening = movement(movements, "OPENING_BUDGET", 0);
		assertThat(opening.get("valueDate").asText()).isEqualTo(today.toString());
		assertThat(opening.get("occurredAt").asText()).isNotBlank();

		JsonNode endOfToday = ok(this.api.get("staff", fundAsOf(fund, today)));
		assertThat(endOfToday.get("existed").asBoolean()).isTrue();
		assertThat(endOfToday.get("asOfDate").asText()).isEqualTo(today.toString());
		assertThat(money(endOfToday, "paid")).isEqualTo("600.00");
		assertThat(money(endOfToday, "reserved")).isEqualTo("900.00");
		assertThat(money(endOfToday, "budget")).isEqualTo(BUDGET);

		JsonNode dayBefore = ok(this.api.get("auditor", fundAsOf(fund, today.minusDays(1))));
		assertThat(dayBefore.get("existed").asBoolean()).isFalse();
		for (String figure : new String[] { "budget", "reserved", "paid", "released", "refunded", "available" }) {
			assertThat(money(dayBefore, figure)).as(figure).isEqualTo("0.00");
		}
		JsonNode longAgo = ok(this.api.get("staff", fundAsOf(fund, "2000-01-01T00:00:00Z")));
		assertThat(longAgo.get("existed").asBoolean()).isFalse();
		assertThat(money(longAgo, "budget")).isEqualTo("0.00");
		// now, the instant path as before
		JsonNode now = ok(this.api.get("staff", fundAsOf(fund, Instant.now())));
		assertThat(now.get("existed").asBoolean()).isTrue();
		assertThat(now.get("asOfDate").isNull()).isTrue();
		assertThat(money(now, "paid")).isEqualTo("600.00");
	}

	@Test
	void an_as_of_that_is_neither_a_day_nor_an_instant_is_refused_with_the_field() {
		String fund = this.given.openFund(Route.ACTION_FUND, TestYears.next());

		for (String bad : new String[] { "yesterday", "2019-13-01", "2019-02-30", "2019-12-31T25:00:00Z" }) {
			assertProblem(this.api.get("staff", fundAsOf(fund, bad)), 400, "asOf");
		}
	}

}
