package de.pfd.grants.server.axon;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * After a write the answer shows it, or says clearly that it cannot yet: a projection
 * that does not get to the write in time is never answered as if it were up to date. A
 * context of its own, with a short wait, because it stops a processor.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "grants.read-your-writes-timeout=PT1S")
class ReadYourWritesTest extends ApiTestSupport {

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void a_write_the_read_model_does_not_show_in_time_is_answered_503_and_shows_once_it_catches_up() {
		String fund = this.funds.open("ACTION_FUND", TestYears.next(), "35000.00", "5000.00", "500.00");
		String id = this.applications.draft("applicant1", Drafts.complete(fund, yearOf(fund)));
		StreamingEventProcessor applications = this.processing
			.eventProcessor("applications", StreamingEventProcessor.class)
			.orElseThrow();
		long before = events();
		applications.shutDown();
		try {
			String changed = Drafts.complete(fund, yearOf(fund)).replace("\"title\":\"", "\"title\":\"Später: ");
			assertCode(this.api.put("applicant1", application(id), changed), 503, "NOT_YET_VISIBLE");
			// the change itself is stored: only its read model is behind
			assertThat(events()).isEqualTo(before + 1);
		}
		finally {
			applications.start();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ok(this.api.get("applicant1", application(id))).get("title").asText())
				.startsWith("Später: "));
	}

	private static int yearOf(String fundId) {
		return Integer.parseInt(fundId.substring(fundId.lastIndexOf('-') + 1));
	}

}
