package de.pfd.grants.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The probes the container health checks and orchestrators ask, without signing in:
 * liveness (the process runs) and readiness (it serves: started, database reachable). The
 * Prometheus metrics are the staff's: the processors' lag per processing group, the
 * funds' figures, the outbox and the dead letters, Axon's command timings.
 */
// tests switch the metrics export (Prometheus) off unless asked: this class asks
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class OperationsEndpointsTest extends ApiTestSupport {

	@Test
	void liveness_and_readiness_answer_up_without_sign_in() {
		JsonNode liveness = Api.ok(this.api.get(null, "/actuator/health/liveness"));
		assertThat(liveness.get("status").asText()).isEqualTo("UP");
		JsonNode readiness = Api.ok(this.api.get(null, "/actuator/health/readiness"));
		assertThat(readiness.get("status").asText()).isEqualTo("UP");
	}

	@Test
	void the_metrics_are_the_staffs() {
		assertThat(this.api.get(null, "/actuator/metrics").status()).isEqualTo(401);
		assertThat(this.api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
		assertThat(this.api.get("applicant1", "/actuator/prometheus").status()).isEqualTo(403);
		assertThat(this.api.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
	}

	@Test
	void prometheus_shows_the_processors_lag_and_every_funds_figures() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		// the fund gauges are refreshed (and a new fund's registered) at most every 15 s
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Api.Response scrape = this.api.get("staff", "/actuator/prometheus");
			assertThat(scrape.status()).isEqualTo(200);
			assertThat(scrape.contentType()).startsWith("text/plain");
			assertThat(scrape.body())
				.contains("grants_fund_available{fund=\"" + fund + "\",partnership=\"kreis-mettmann\"} 35000.0")
				.contains("grants_fund_reserved{fund=\"" + fund + "\",partnership=\"kreis-mettmann\"} 0.0")
				.contains("grants_fund_waiting_list{fund=\"" + fund + "\",partnership=\"kreis-mettmann\"} 0.0");
		});
		String scrape = this.api.get("staff", "/actuator/prometheus").body();
		assertThat(scrape).containsPattern("grants_processor_lag_events\\{group=\"fund-budget\"\\} \\d")
			.containsPattern("grants_processor_lag_events\\{group=\"audit-trail\"\\} \\d")
			.contains("grants_dead_letters ")
			.contains("grants_mail_outbox_pending ")
			.contains("commandBus_allTimer_seconds_count{payloadType=\"OpenFundCommand\"}");
	}

}
