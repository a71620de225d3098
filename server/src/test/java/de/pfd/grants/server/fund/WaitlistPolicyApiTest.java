package de.pfd.grants.server.fund;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Drafts.small;
import static de.pfd.grants.server.Drafts.unrelated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;

/**
 * Over real HTTP: the waiting-list policy is a versioned fund setting that staff change;
 * under FIRST_THAT_FITS a smaller approval the available money covers is funded before a
 * larger one waiting, and its reservation names the policy and version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitlistPolicyApiTest extends ApiTestSupport {

	private static String policy(String fundId) {
		return fund(fundId) + "/waitlist-policy";
	}

	@Test
	void staff_switch_to_first_that_fits_and_a_smaller_approval_is_funded_before_a_larger_one_waiting() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1500.00", "1500.00", "1000.00");
		JsonNode initial = ok(this.api.get("auditor", policy(fund)));
		assertThat(initial).hasSize(1);
		assertThat(initial.get(0).get("version").asInt()).isZero();
		assertThat(initial.get(0).get("policy").asText()).isEqualTo("STRICT_ORDER");
		assertThat(initial.get(0).get("since").asText()).isNotBlank();
		assertThat(initial.get(0).get("by").asText()).isEqualTo("staff");

		// the refusals: an unknown or missing policy is a field error, only staff set it
		long events = events();
		assertProblem(this.api.put("staff", policy(fund), "{\"policy\":\"LOTTERY\"}"), 400, "policy");
		assertProblem(this.api.put("staff", policy(fund), "{}"), 400, "policy");
		assertProblem(this.api.put("auditor", policy(fund), "{\"policy\":\"FIRST_THAT_FITS\"}"), 403, null);
		assertProblem(this.api.put("applicant1", policy(fund), "{\"policy\":\"FIRST_THAT_FITS\"}"), 403, null);
		assertProblem(this.api.get("applicant1", policy(fund)), 403, null);
		assertProblem(this.api.put("staff", policy("unknown-fund"), "{\"policy\":\"FIRST_THAT_FITS\"}"), 404, null);
		assertThat(events()).isEqualTo(events);

		JsonNode history = ok(this.api.put("staff", policy(fund), "{\"policy\":\"FIRST_THAT_FITS\"}"));
		assertThat(history).hasSize(2);
		assertThat(history.get(1).get("version").asInt()).isEqualTo(1);
		assertThat(history.get(1).get("policy").asText()).isEqualTo("FIRST_THAT_FITS");
		assertThat(history.get(1).get("by").asText()).isEqualTo("staff");
		assertThat(ok(this.api.put("staff", policy(fund), "{\"policy\":\"FIRST_THAT_FITS\"}"))).as("the same again")
			.hasSize(2);

		this.applications.approved("applicant1", unrelated(fund, year), "1000.00");
		String larger = this.applications.ready("applicant3", unrelated(fund, year));
		ok(this.api.post("staff", fastTrack(larger), "{}"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.applications.status("staff", larger)).isEqualTo("WAITLISTED"));
		String smaller = this.applications.approved("applicant2", small(fund, year), "400.00");

		assertThat(this.applications.status("staff", larger)).isEqualTo("WAITLISTED");
		JsonNode reservation = null;
		for (JsonNode movement : ok(this.api.get("auditor", Api.movements(fund)))) {
			if (movement.get("type").asText().equals("RESERVATION")
					&& movement.get("applicationId").asText().equals(smaller)) {
				reservation = movement;
			}
		}
		assertThat(reservation).as("the smaller approval's reservation").isNotNull();
		assertThat(reservation.get("note").asText())
			.isEqualTo("Wartelistenregel / waiting-list policy FIRST_THAT_FITS v1");
		assertThat(ok(this.api.get("staff", fund(fund))).get("available").decimalValue())
			.isEqualByComparingTo("100.00");
	}

}
