package de.pfd.grants.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The probes the container health checks and orchestrators ask, without signing in:
 * liveness (the process runs) and readiness (it serves: started, database reachable).
 * Other actuator endpoints stay closed to anonymous callers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class HealthProbesTest extends ApiTestSupport {

	@Test
	void liveness_and_readiness_answer_up_without_sign_in() {
		JsonNode liveness = Api.ok(this.api.get(null, "/actuator/health/liveness"));
		assertThat(liveness.get("status").asText()).isEqualTo("UP");
		JsonNode readiness = Api.ok(this.api.get(null, "/actuator/health/readiness"));
		assertThat(readiness.get("status").asText()).isEqualTo("UP");
	}

	@Test
	void the_metrics_are_not_for_anonymous_callers() {
		assertThat(this.api.get(null, "/actuator/metrics").status()).isEqualTo(401);
	}

}
