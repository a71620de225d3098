package de.pfd.grants.server.fund;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Drafts.small;
import static de.pfd.grants.server.Drafts.unrelated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Over real HTTP: staff give a fund call rounds (deadlines ascending, shares at most 100
 * % together, field errors otherwise); an application submitted up to round 1's deadline
 * belongs to round 1, and an approval over round 1's share waits on the waiting list
 * although the budget has room.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallRoundsApiTest extends ApiTestSupport {

	private static String rounds(String fundId) {
		return fund(fundId) + "/rounds";
	}

	private static String round(String name, String deadline, Object share) {
		return "{\"name\":\"" + name + "\",\"submissionDeadline\":\"" + deadline + "\",\"budgetSharePercent\":" + share
				+ "}";
	}

	@Test
	void approvals_in_a_round_never_exceed_its_share_the_rest_waits() {
		// a fund year whose rounds end after today, so that today's submissions fall in
		// round 1
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "2000.00", "1500.00", "1000.00");
		assertThat(ok(this.api.get("auditor", rounds(fund)))).isEmpty();

		JsonNode first = created(this.api.post("staff", rounds(fund), round("Frühjahr", year + "-03-31", 50)));
		assertThat(first).hasSize(1);
		assertThat(first.get(0).get("number").asInt()).isEqualTo(1);
		assertThat(first.get(0).get("submissionDeadline").asText()).isEqualTo(year + "-03-31");
		assertThat(first.get(0).get("budgetSharePercent").asInt()).isEqualTo(50);

		// the refusals: deadlines ascending, shares at most 100 % together, a name, staff
		// only
		long events = events();
		assertProblem(this.api.post("staff", rounds(fund), round("Winter", year + "-03-01", 20)), 400,
				"submissionDeadline");
		assertProblem(this.api.post("staff", rounds(fund), round("Sommer", year + "-06-30", 60)), 400,
				"budgetSharePercent");
		assertProblem(this.api.post("staff", rounds(fund), round("Sommer", year + "-06-30", 0)), 400,
				"budgetSharePercent");
		assertProblem(this.api.post("staff", rounds(fund), round("", year + "-06-30", 50)), 400, "name");
		assertProblem(this.api.post("staff", rounds(fund), round("Sommer", "31.06.", 50)), 400, "submissionDeadline");
		assertProblem(this.api.post("auditor", rounds(fund), round("Sommer", year + "-06-30", 50)), 403, null);
		assertProblem(this.api.post("applicant1", rounds(fund), round("Sommer", year + "-06-30", 50)), 403, null);
		assertProblem(this.api.get("applicant1", rounds(fund)), 403, null);
		assertThat(events()).isEqualTo(events);
		JsonNode both = created(this.api.post("staff", rounds(fund), round("Sommer", year + "-06-30", 50)));
		assertThat(both).hasSize(2);
		assertThat(LocalDate.parse(both.get(1).get("submissionDeadline").asText()))
			.isEqualTo(LocalDate.of(year, 6, 30));

		// round 1 may reserve 1,000.00 of the 2,000.00
		this.applications.approved("applicant1", unrelated(fund, year), "1000.00");
		String over = this.applications.ready("applicant2", small(fund, year));
		ok(this.api.post("staff", fastTrack(over), "{}"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.applications.status("staff", over)).isEqualTo("WAITLISTED"));
		JsonNode figures = ok(this.api.get("staff", fund(fund)));
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(figures.get("available").decimalValue()).as("the budget had room").isEqualByComparingTo("1000.00");
	}

}
