package de.pfd.grants.server.operations;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.ApplicationDrafted;

/**
 * An event that a projection cannot apply does not stop it: the event waits in the
 * dead-letter queue (in the processor's own transaction, which stays usable), the other
 * applications go on, staff see it and the service reports itself degraded, and a retry
 * after the fix applies it and what came after it. Run on PostgreSQL (which aborts a
 * transaction at its first failed statement) and on H2.
 */
abstract class DeadLettersApiTestSupport extends ApiTestSupport {

	@Autowired
	CommandGateway commands;

	/**
	 * A projection of the applications' group whose SQL fails on one title, until fixed:
	 * on PostgreSQL that aborts the processor's transaction.
	 */
	@ProcessingGroup("applications")
	static class FailingProjection {

		static volatile String failOn;

		private final JdbcTemplate jdbc;

		FailingProjection(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@EventHandler
		void on(ApplicationDrafted event) {
			if (event.content().title() != null && event.content().title().equals(failOn)) {
				this.jdbc.queryForObject("SELECT 1 / 0", Integer.class);
			}
		}

		@EventHandler
		void on(ApplicationDraftUpdated event) {
			// handled, so that the update waits behind the failed draft in its sequence
		}

	}

	@TestConfiguration
	static class WithFailingProjection {

		@Bean
		FailingProjection failingProjection(JdbcTemplate jdbc) {
			return new FailingProjection(jdbc);
		}

	}

	@AfterEach
	void fixed() {
		FailingProjection.failOn = null;
	}

	private String draft(String fund, String title) {
		return "{\"fundId\":\"" + fund + "\",\"title\":\"" + title + "\"}";
	}

	@Test
	void an_event_a_projection_cannot_apply_waits_as_a_dead_letter_and_applies_after_the_fix() {
		String fund = this.funds.open("ACTION_FUND", TestYears.next(), "35000.00", "5000.00", "500.00");
		String broken = "Kaputt " + UUID.randomUUID();
		FailingProjection.failOn = broken;

		// stored, but not shown as fresh: the group could not apply it
		assertCode(this.api.post("applicant1", "/api/applications", draft(fund, broken)), 503, "NOT_YET_VISIBLE");

		// everybody else goes on
		JsonNode other = created(this.api.post("applicant2", "/api/applications", draft(fund, "Nachbarschaftsfest")));
		assertThat(other.get("title").asText()).isEqualTo("Nachbarschaftsfest");

		JsonNode letters = ok(this.api.get("staff", "/api/dead-letters"));
		assertThat(letters).hasSize(1);
		JsonNode letter = letters.get(0);
		assertThat(letter.get("processingGroup").asText()).isEqualTo("applications");
		assertThat(letter.get("eventType").asText()).isEqualTo("ApplicationDrafted");
		assertThat(letter.get("cause").asText()).containsIgnoringCase("division by zero");
		String id = letter.get("sequence").asText();
		assertThat(ok(this.api.get("auditor", "/api/dead-letters"))).hasSize(1);
		assertProblem(this.api.get("applicant1", "/api/dead-letters"), 403, null);
		assertProblem(this.api.post("auditor", "/api/dead-letters/applications/retry", null), 403, null);
		assertThat(ok(this.api.get(null, "/actuator/health")).get("status").asText()).isEqualTo("DEGRADED");

		// not projected, so not visible to its applicant either; a later event of the
		// same
		// application (sent on the bus, as the API cannot see it) waits behind the failed
		// one
		assertProblem(this.api.get("applicant1", application(id)), 404, null);
		this.commands
			.sendAndWait(new UpdateApplicationCommand(new ApplicationId(id), "applicant1", new ApplicationContent(
					broken + " (neu)", null, null, null, null, null, null, null, null, null, null, null)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ok(this.api.get("staff", "/api/dead-letters")).get(0).get("events").asInt())
				.isEqualTo(2));

		FailingProjection.failOn = null;
		JsonNode retried = ok(this.api.post("staff", "/api/dead-letters/applications/retry", null));

		assertThat(retried.get("applied").asInt()).isEqualTo(1);
		assertThat(retried.get("waiting").asLong()).isZero();
		assertThat(ok(this.api.get("staff", "/api/dead-letters"))).isEmpty();
		assertThat(ok(this.api.get(null, "/actuator/health")).get("status").asText()).isEqualTo("UP");
		assertThat(ok(this.api.get("applicant1", application(id))).get("title").asText()).isEqualTo(broken + " (neu)");
	}

	@Test
	void retrying_a_group_that_this_service_does_not_run_is_404() {
		assertProblem(this.api.post("staff", "/api/dead-letters/no-such-group/retry", null), 404, null);
	}

}
