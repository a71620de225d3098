package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.grantNotice;
import static de.pfd.grants.server.Api.noticeConfirmation;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.withdrawal;
import static de.pfd.grants.server.Drafts.unrelated;
import static de.pfd.grants.server.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.TestYears;

/**
 * Over real HTTP: an approval the fund cannot cover waits on the waiting list until money
 * is released; the grant notice needs reserved money, is issued once and confirmed by the
 * applicant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingListAndGrantNoticeApiTest extends VotingApiTestSupport {

	@Test
	void an_approval_the_fund_cannot_cover_waits_gets_the_money_of_a_withdrawal_and_then_its_grant_notice() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1500.00", "1500.00", "1000.00");
		String first = this.applications.ready("applicant1", unrelated(fund, year));
		String second = this.applications.ready("applicant3", unrelated(fund, year));
		assertCode(this.api.post("staff", grantNotice(first), null), 409, "WRONG_STATUS");

		ok(this.api.post("staff", fastTrack(first), "{}"));
		ok(this.api.post("staff", fastTrack(second), "{}"));

		assertThat(this.applications.awaitGrant("staff", first).get("fundsReserved").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.applications.status("staff", second)).isEqualTo("WAITLISTED"));
		JsonNode waiting = ok(this.api.get("applicant3", application(second))).get("grant");
		assertThat(waiting.get("fundsReserved").asBoolean()).isFalse();
		assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(ok(this.api.get("staff", fund(fund))).get("available").decimalValue())
			.isEqualByComparingTo("500.00");
		// the grant notice needs reserved money
		long events = events();
		assertCode(this.api.post("staff", grantNotice(second), "{\"reference\":\"KM-42\"}"), 409, "WRONG_STATUS");
		assertThat(events()).isEqualTo(events);

		JsonNode withdrawn = ok(this.api.post("applicant1", withdrawal(first), "{\"reason\":\"Projekt fällt aus\"}"));
		assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.get("grant").get("fundsReserved").asBoolean()).as("the money went back").isFalse();

		JsonNode moved = this.applications.awaitGrant("applicant3", second);
		assertThat(moved.get("approvedAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(text(moved, "waitlistPosition")).isNull();
		assertThat(this.applications.status("applicant3", second)).isEqualTo("APPROVED");
		// funded by someone else's withdrawal: the system acted, not applicant1
		JsonNode reserved = null;
		for (JsonNode change : ok(this.api.get("staff", Api.application(second))).get("history")) {
			if (change.path("note").asText().startsWith("Mittel reserviert")) {
				reserved = change;
			}
		}
		assertThat(reserved).as("history").isNotNull();
		assertThat(reserved.get("by").asText()).isEqualTo("system");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode figures = ok(this.api.get("staff", fund(fund)));
			assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("1000.00");
			assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("500.00");
		});

		events = events();
		assertProblem(this.api.post("auditor", grantNotice(second), null), 403, null);
		assertProblem(this.api.post("staff", grantNotice(second), "{\"reference\":\"" + "R".repeat(201) + "\"}"), 400,
				"reference");
		assertThat(events()).isEqualTo(events);
		JsonNode issued = ok(this.api.post("staff", grantNotice(second), "{\"reference\":\"KM-" + year + "-042\"}"))
			.get("grant");
		assertThat(issued.get("noticeIssuedAt").asText()).isNotBlank();
		assertThat(issued.get("noticeReference").asText()).isEqualTo("KM-" + year + "-042");
		assertThat(text(issued, "noticeConfirmedAt")).isNull();
		events = events();
		assertCode(this.api.post("staff", grantNotice(second), null), 409, "WRONG_STATUS");
		assertProblem(this.api.post("applicant2", noticeConfirmation(second), null), 404, null);
		assertProblem(this.api.post("staff", noticeConfirmation(second), null), 403, null);
		assertThat(events()).isEqualTo(events);

		JsonNode confirmed = ok(this.api.post("applicant3", noticeConfirmation(second), null)).get("grant");

		assertThat(confirmed.get("noticeConfirmedAt").asText()).isNotBlank();
		// (a project of a past year is overdue at once: that deadline may fire meanwhile)
		events = eventsBesidesDeadlines();
		assertThat(this.api.post("applicant3", noticeConfirmation(second), null).status()).isEqualTo(200);
		assertThat(eventsBesidesDeadlines()).as("confirming twice stores nothing").isEqualTo(events);
	}

	private long eventsBesidesDeadlines() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%ProofOfUseOverdue'", Long.class);
	}

}
