package de.pfd.grants.server.fund;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.fundClosure;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Drafts.unrelated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;

/**
 * Over real HTTP: the year-end closure ends every application still waiting with
 * NOT_FUNDED, recorded by the system with the reason "Fonds geschlossen / fund closed";
 * the closed fund shows nothing pending; a draft stays a draft and can no longer be
 * submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YearEndClosureApiTest extends ApiTestSupport {

	@Test
	void closing_the_fund_ends_every_waiting_application_not_funded_and_leaves_drafts_and_approvals_alone() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1500.00", "1500.00", "1000.00");
		String approved = this.applications.approved("applicant1", unrelated(fund, year), "1000.00");
		String waitlisted = this.applications.ready("applicant3", unrelated(fund, year));
		ok(this.api.post("staff", fastTrack(waitlisted), "{}"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.applications.status("staff", waitlisted)).isEqualTo("WAITLISTED"));
		String submitted = this.applications.submitted("applicant2", unrelated(fund, year));
		String ready = this.applications.ready("applicant2", unrelated(fund, year));
		String inVoting = this.applications.inVoting("applicant3", unrelated(fund, year));
		String draft = this.applications.draft("applicant1", unrelated(fund, year));
		assertThat(ok(this.api.get("staff", fund(fund))).get("requestedPending").decimalValue())
			.isEqualByComparingTo("3000.00");

		ok(this.api.post("staff", fundClosure(fund), null));

		for (String waiting : new String[] { waitlisted, submitted, ready, inVoting }) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.applications.status("staff", waiting)).isEqualTo("NOT_FUNDED"));
			JsonNode history = this.applications.get("staff", waiting).get("history");
			JsonNode last = history.get(history.size() - 1);
			assertThat(last.get("status").asText()).isEqualTo("NOT_FUNDED");
			assertThat(last.get("note").asText()).isEqualTo("Fonds geschlossen / fund closed");
			assertThat(last.get("by").asText()).as("the process acted, not staff").isEqualTo("system");
		}
		assertThat(this.applications.status("staff", approved)).isEqualTo("APPROVED");
		assertThat(this.applications.status("applicant1", draft)).isEqualTo("DRAFT");
		JsonNode figures = ok(this.api.get("staff", fund(fund)));
		assertThat(figures.get("requestedPending").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("1000.00");

		// the refusals: a draft cannot be submitted to the closed fund, the ended vote
		// takes no
		// vote, a not funded application cannot be withdrawn; nothing is stored
		long events = events();
		Api.Response submission = this.api.post("applicant1", Api.submission(draft), null);
		assertCode(submission, 409, "FUND_CLOSED");
		assertThat(submission.json().get("detail").asText()).isNotBlank();
		assertCode(this.api.post("board1", Api.votes(inVoting), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
		assertCode(this.api.post("applicant2", Api.withdrawal(ready), "{}"), 409, "WRONG_STATUS");
		assertThat(events()).isEqualTo(events);
	}

	/**
	 * Every lapse is a LAPSE movement, the rest at closure and money released after it
	 * (here a withdrawal after the closure): the movements add up to the figures before
	 * and after.
	 */
	@Test
	void money_released_after_the_closure_lapses_as_a_LAPSE_movement_and_the_movements_add_up_to_the_figures() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "2000.00", "1500.00", "1000.00");
		String approved = this.applications.approved("applicant1", unrelated(fund, year), "1000.00");
		ok(this.api.post("staff", fundClosure(fund), null));
		JsonNode before = movements(fund);
		assertThat(types(before)).containsExactly("OPENING_BUDGET", "RESERVATION", "LAPSE");
		assertAddsUp(before, ok(this.api.get("staff", fund(fund))));

		ok(this.api.post("applicant1", Api.withdrawal(approved), "{\"reason\":\"Projekt fällt aus\"}"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(movements(fund)).hasSize(5));
		JsonNode after = movements(fund);
		assertThat(types(after)).containsExactly("OPENING_BUDGET", "RESERVATION", "LAPSE", "RELEASE", "LAPSE");
		JsonNode lapse = after.get(4);
		assertThat(lapse.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(lapse.get("applicationId").asText()).isEqualTo(approved);
		assertThat(lapse.get("note").asText()).isEqualTo("Nach Jahresabschluss verfallen / lapsed after closure");
		assertThat(lapse.get("actor").asText()).isEqualTo("system");
		JsonNode figures = ok(this.api.get("staff", fund(fund)));
		assertThat(figures.get("lapsed").decimalValue()).isEqualByComparingTo("2000.00");
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("0.00");
		assertAddsUp(after, figures);
	}

	private JsonNode movements(String fund) {
		return ok(this.api.get("auditor", Api.movements(fund)));
	}

	private static java.util.List<String> types(JsonNode movements) {
		java.util.List<String> types = new java.util.ArrayList<>();
		movements.forEach(m -> types.add(m.get("type").asText()));
		return types;
	}

	/**
	 * The running balance ends at the available money, the LAPSE movements sum to what
	 * lapsed, reservations less releases to what is reserved.
	 */
	private static void assertAddsUp(JsonNode movements, JsonNode figures) {
		BigDecimal lapsed = BigDecimal.ZERO;
		BigDecimal reserved = BigDecimal.ZERO;
		BigDecimal budget = BigDecimal.ZERO;
		for (JsonNode m : movements) {
			BigDecimal amount = m.get("amount").decimalValue();
			switch (m.get("type").asText()) {
				case "LAPSE" -> lapsed = lapsed.add(amount);
				case "RESERVATION" -> reserved = reserved.add(amount);
				case "RELEASE" -> reserved = reserved.subtract(amount);
				case "OPENING_BUDGET", "BUDGET_ADJUSTMENT" -> budget = budget.add(amount);
				default -> {
				}
			}
		}
		assertThat(movements.get(movements.size() - 1).get("available").decimalValue())
			.isEqualByComparingTo(figures.get("available").decimalValue());
		assertThat(lapsed).isEqualByComparingTo(figures.get("lapsed").decimalValue());
		assertThat(reserved).isEqualByComparingTo(figures.get("reserved").decimalValue());
		assertThat(budget.subtract(reserved).subtract(lapsed))
			.isEqualByComparingTo(figures.get("available").decimalValue());
	}

}
