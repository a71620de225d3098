package de.pfd.grants.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.access.AccessDeniedException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * {@code GET /api/audit/events}: the audit pages' use case as JSON, for staff and
 * auditors only, filtered and paged, each event with who, role, a sentence and its
 * payload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AuditEventsApiTest extends ApiTestSupport {

	@Autowired
	private AuditUseCases audit;

	@Autowired
	private AccountStore accounts;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void auditors_read_an_applications_events_with_who_role_sentence_and_payload() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		this.applications.vote("board1", id, "ABSTAIN");
		String path = "/api/audit/events?applicationId=" + id;
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(Api.ok(this.api.get("auditor", path)).get("total").asLong()).isEqualTo(5));
		JsonNode page = Api.ok(this.api.get("auditor", path));
		List<String> types = new ArrayList<>();
		page.get("events").forEach(event -> types.add(event.get("type").asText()));
		assertThat(types).containsExactly("ApplicationDrafted", "ApplicationSubmitted", "ApplicationAccepted",
				"VoteOpened", "VoteCast");
		JsonNode vote = page.get("events").get(4);
		assertThat(vote.get("actor").asText()).isEqualTo("board1");
		assertThat(vote.get("role").asText()).isEqualTo("MEMBER");
		assertThat(vote.get("summary").asText()).isEqualTo("Stimme abgegeben: Enthaltung (von board1)");
		assertThat(vote.get("payload").get("choice").asText()).isEqualTo("ABSTAIN");
		assertThat(vote.get("fundId").asText()).isEqualTo(fund);
		assertThat(page.get("events").get(1).get("payload").get("content").get("requestedAmount").decimalValue())
			.isEqualByComparingTo("1000.00");

		JsonNode votes = Api.ok(this.api.get("staff", path + "&type=VoteCast&type=VoteOpened&size=1&page=1"));
		assertThat(votes.get("total").asLong()).isEqualTo(2);
		assertThat(votes.get("events").get(0).get("type").asText()).isEqualTo("VoteCast");
		assertThat(Api.ok(this.api.get("auditor", path + "&from=2999-01-01T00:00:00Z")).get("total").asLong()).isZero();
		// by the acting user (user=, as issue and design name it; actor= still answers)
		JsonNode byBoard1 = Api.ok(this.api.get("auditor", path + "&user=board1"));
		assertThat(byBoard1.get("total").asLong()).isEqualTo(1);
		assertThat(byBoard1.get("events").get(0).get("type").asText()).isEqualTo("VoteCast");
		assertThat(Api.ok(this.api.get("auditor", path + "&actor=board1")).get("total").asLong()).isEqualTo(1);
		assertThat(Api.ok(this.api.get("auditor", path + "&user=nobody")).get("total").asLong()).isZero();
	}

	@Test
	void one_aggregates_events_by_cursor_in_both_languages_and_streamed_as_ndjson() throws Exception {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		this.applications.vote("board1", id, "YES");
		String path = "/api/audit/events?aggregateId=" + id;
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(Api.ok(this.api.get("auditor", path)).get("total").asLong()).isEqualTo(5));
		// the fund's aggregate holds none of the application's events, and the
		// application's
		// none of the fund's
		JsonNode fundEvents = Api.ok(this.api.get("auditor", "/api/audit/events?aggregateId=" + fund));
		List<String> fundTypes = new ArrayList<>();
		fundEvents.get("events").forEach(event -> fundTypes.add(event.get("type").asText()));
		assertThat(fundTypes).contains("FundOpened").doesNotContain("ApplicationSubmitted", "VoteCast");
		fundEvents.get("events").forEach(event -> assertThat(event.get("aggregateId").asText()).isEqualTo(fund));

		// German unless English is preferred; both always given
		JsonNode german = Api.ok(this.api.get("auditor", path)).get("events").get(4);
		assertThat(german.get("summary").asText()).isEqualTo("Stimme abgegeben: Ja (von board1)");
		assertThat(german.get("summaryDe").asText()).isEqualTo("Stimme abgegeben: Ja (von board1)");
		assertThat(german.get("summaryEn").asText()).isNotBlank().doesNotContain("abgegeben").contains("board1");
		JsonNode english = Api
			.ok(this.api.getWithHeaders("auditor", path, "Accept-Language", "en-GB,en;q=0.9,de;q=0.5"))
			.get("events")
			.get(4);
		assertThat(english.get("summary").asText()).isEqualTo(german.get("summaryEn").asText());
		assertThat(Api.ok(this.api.getWithHeaders("auditor", path, "Accept-Language", "fr, de;q=0.1"))
			.get("events")
			.get(4)
			.get("summary")
			.asText()).isEqualTo(german.get("summaryDe").asText());
		assertThat(german.get("correlationId").asText()).isNotBlank();
		assertThat(german.get("causationId").asText()).isNotBlank();

		// the cursor: pages by position, the total of the whole filter
		JsonNode first = Api.ok(this.api.get("auditor", path + "&size=2"));
		assertThat(first.get("events")).hasSize(2);
		long cursor = first.get("nextAfter").asLong();
		assertThat(cursor).isEqualTo(first.get("events").get(1).get("position").asLong());
		JsonNode next = Api.ok(this.api.get("auditor", path + "&size=2&after=" + cursor));
		assertThat(next.get("total").asLong()).isEqualTo(5);
		assertThat(next.get("events").get(0).get("type").asText()).isEqualTo("ApplicationAccepted");
		assertThat(next.get("events").get(0).get("position").asLong()).isGreaterThan(cursor);
		JsonNode last = Api.ok(this.api.get("auditor", path + "&size=2&after=" + next.get("nextAfter").asLong()));
		assertThat(last.get("events")).hasSize(1);
		JsonNode empty = Api.ok(this.api.get("auditor", path + "&after=" + last.get("nextAfter").asLong()));
		assertThat(empty.get("events")).isEmpty();
		assertThat(empty.get("nextAfter").isNull()).isTrue();
		Api.assertProblem(this.api.get("auditor", path + "&after=-1"), 400, "after");

		// NDJSON: one event per line, as many as the JSON's total, the same events
		Api.Response streamed = this.api.getWithHeaders("auditor", path, "Accept", "application/x-ndjson");
		assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
		assertThat(streamed.contentType()).startsWith("application/x-ndjson");
		List<String> lines = streamed.body().lines().toList();
		assertThat(lines).hasSize(5);
		assertThat(JSON.readTree(lines.get(4)).get("summaryDe").asText())
			.isEqualTo("Stimme abgegeben: Ja (von board1)");
		assertThat(JSON.readTree(lines.get(0)).get("type").asText()).isEqualTo("ApplicationDrafted");
		// the stream honours the cursor like the pages (by Accept and by the .ndjson
		// path)
		List<String> afterCursor = this.api
			.getWithHeaders("auditor", path + "&after=" + cursor, "Accept", "application/x-ndjson")
			.body()
			.lines()
			.toList();
		assertThat(afterCursor).hasSize(3);
		assertThat(JSON.readTree(afterCursor.get(0)).get("position").asLong()).isGreaterThan(cursor);
		assertThat(this.api
			.get("auditor", path.replace("/api/audit/events?", "/api/audit/events.ndjson?") + "&after=" + cursor)
			.body()
			.lines()
			.count()).isEqualTo(3);
		Api.assertProblem(this.api.get("auditor", "/api/audit/events.ndjson?after=-1"), 400, "after");
		// the whole trail (a process may still be appending: asked again until both
		// agree)
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Api.Response whole = this.api.get("staff", "/api/audit/events.ndjson");
			assertThat(whole.status()).isEqualTo(200);
			long total = Api.ok(this.api.get("staff", "/api/audit/events?size=1")).get("total").asLong();
			assertThat(whole.body().lines().count()).isEqualTo(total);
		});
		assertThat(this.api.getWithHeaders("board1", path, "Accept", "application/x-ndjson").status()).isEqualTo(403);
		assertThat(this.api.get("applicant3", "/api/audit/events.ndjson").status()).isEqualTo(403);
	}

	@Test
	void the_stream_reads_page_by_page_by_position_and_gives_every_event_once() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));
		this.applications.vote("board1", id, "NO");
		this.applications.vote("board1", id, "YES");
		GrantsUser auditor = this.accounts.byUsername("auditor").orElseThrow();
		AuditFilter filter = new AuditFilter(null, null, null, List.of(), null, null, id);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.audit.trail(auditor, filter, 0).total()).isEqualTo(6));
		List<Long> paged = this.audit.trail(auditor, filter, 0).events().stream().map(AuditEvent::position).toList();
		// two at a time: three pages and the empty one after them
		List<Long> streamed = new ArrayList<>();
		this.audit.whole(auditor, filter, null, 2).forEach(event -> streamed.add(event.position()));
		assertThat(streamed).hasSize(6).isEqualTo(paged);
		List<Long> byFive = new ArrayList<>();
		this.audit.whole(auditor, filter, null, 5).forEach(event -> byFive.add(event.position()));
		assertThat(byFive).isEqualTo(paged);
		GrantsUser member = this.accounts.byUsername("board1").orElseThrow();
		assertThatThrownBy(() -> this.audit.whole(member, filter, null)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void members_and_applicants_may_not_and_a_page_too_large_is_refused() {
		assertThat(this.api.get("board1", "/api/audit/events").status()).isEqualTo(403);
		assertThat(this.api.get("applicant1", "/api/audit/events").status()).isEqualTo(403);
		Api.assertProblem(this.api.get("auditor", "/api/audit/events?size=501"), 400, "size");
		// a value of the wrong kind: bad input at that parameter, with the code, in both
		// languages
		Api.assertCode(this.api.get("auditor", "/api/audit/events?from=gestern"), 400, "INVALID_INPUT");
		Api.assertProblem(this.api.get("auditor", "/api/audit/events?from=gestern"), 400, "from");
		Api.assertProblem(this.api.get("auditor", "/api/audit/events?size=abc"), 400, "size");
		assertThat(this.api.get("auditor", "/api/audit/events?after=abc").json().get("detail").asText())
			.contains("ganze Zahl")
			.contains("whole number");
		Api.assertProblem(this.api.get("auditor", "/api/audit/events.ndjson?after=abc"), 400, "after");
		// the stream refuses bad input before its first line, as a problem
		Api.assertProblem(this.api.get("auditor", "/api/audit/events.ndjson?from=gestern"), 400, null);
		Api.Response refused = this.api.getWithHeaders("auditor", "/api/audit/events?from=gestern", "Accept",
				"application/x-ndjson");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
	}

	@Test
	void the_audit_trail_is_documented_with_openapi_and_its_pages_are_not() {
		JsonNode paths = Api.ok(this.api.get(null, "/v3/api-docs")).get("paths");
		assertThat(paths.has("/api/audit/events")).isTrue();
		assertThat(paths.get("/api/audit/events").get("get").get("parameters").toString()).contains("applicationId",
				"fundId", "aggregateId", "\"user\"", "actor", "\"type\"", "from", "to", "after", "page", "size");
		assertThat(paths.get("/api/audit/events").get("get").get("responses").toString())
			.contains("application/x-ndjson");
		assertThat(paths.has("/api/audit/events.ndjson")).isTrue();
		assertThat(paths.has("/api/applications/{id}/versions/{version}")).isTrue();
		assertThat(paths.has("/api/decisions/{id}")).isTrue();
		assertThat(paths.get("/api/applications/{id}/decision").has("get")).isTrue();
		assertThat(paths.has("/pruefung")).isFalse();
	}

}
