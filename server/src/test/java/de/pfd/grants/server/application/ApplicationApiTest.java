package de.pfd.grants.server.application;

import static de.pfd.grants.server.Api.APPLICATIONS;
import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.formalCheck;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.processingTimes;
import static de.pfd.grants.server.Api.submission;
import static de.pfd.grants.server.Api.withdrawal;
import static de.pfd.grants.server.Applications.UNKNOWN;
import static de.pfd.grants.server.Applications.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * Applications over real HTTP: the lifecycle, the access rules, and a corpus of hostile
 * requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationApiTest extends ApiTestSupport {

	static final String ACTION_FUND = "kreis-mettmann-action-fund-2019";

	static final String YOUTH_FUND = "kreis-mettmann-youth-fund-2019";

	static String complete(String fundId, int year) {
		return Drafts.complete(fundId, year);
	}

	static String complete() {
		return complete(ACTION_FUND, 2019);
	}

	@Test
	void an_applicant_drafts_submits_revises_and_resubmits_and_staff_accept_it() {
		Api.Response created = this.api.post("applicant1", APPLICATIONS, complete());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asText();
		assertThat(created.location()).endsWith(application(id));
		assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
		assertThat(created.json().get("coFinancingPercent").decimalValue()).isEqualByComparingTo("16.7");

		JsonNode submitted = this.api.post("applicant1", submission(id), null).json();
		assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("version").asInt()).isEqualTo(1);

		JsonNode returned = this.api
			.post("staff", formalCheck(id), "{\"outcome\":\"RETURNED\",\"note\":\"Bitte Kostenplan erläutern\"}")
			.json();
		assertThat(returned.get("status").asText()).isEqualTo("RETURNED_FOR_REVISION");

		Api.Response revised = this.api.put("applicant1", application(id),
				complete().replace("Workshops für Jugendliche", "Workshops, überarbeitet"));
		assertThat(revised.status()).isEqualTo(200);
		JsonNode resubmitted = this.api.post("applicant1", submission(id), null).json();
		assertThat(resubmitted.get("version").asInt()).isEqualTo(2);

		JsonNode accepted = this.api.post("staff", formalCheck(id), "{\"outcome\":\"ACCEPTED\"}").json();
		assertThat(accepted.get("status").asText()).isEqualTo("READY_FOR_DECISION");
		assertThat(accepted.get("summary").asText()).isEqualTo("Workshops, überarbeitet");
		assertThat(statuses(accepted)).containsExactly("DRAFT", "SUBMITTED", "RETURNED_FOR_REVISION", "SUBMITTED",
				"READY_FOR_DECISION");
		JsonNode returnedChange = accepted.get("history").get(2);
		assertThat(returnedChange.get("by").asText()).isEqualTo("staff");
		assertThat(returnedChange.get("note").asText()).isEqualTo("Bitte Kostenplan erläutern");
		assertThat(returnedChange.get("at").asText()).isNotBlank();
		assertThat(accepted.get("history").get(1).get("by").asText()).isEqualTo("applicant1");
		assertThat(accepted.get("versions")).hasSize(2);
	}

	@Test
	void a_second_submit_is_harmless_and_stores_nothing() {
		String id = this.applications.draft("applicant1", complete());
		this.api.post("applicant1", submission(id), null);
		long events = events();

		Api.Response again = this.api.post("applicant1", submission(id), null);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("version").asInt()).isEqualTo(1);
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void the_same_idempotency_key_creates_one_draft() {
		long drafts = drafted();
		Api.Response first = this.api.post("applicant2", APPLICATIONS, complete(), "create-42");
		Api.Response second = this.api.post("applicant2", APPLICATIONS, complete(), "create-42");

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(drafted()).isEqualTo(drafts + 1);
		// the same key from another user is another operation
		Api.Response other = this.api.post("applicant3", APPLICATIONS, complete(), "create-42");
		assertThat(other.location()).isNotEqualTo(first.location());
	}

	@Test
	void the_same_idempotency_key_with_a_different_request_is_refused_and_changes_nothing() {
		String key = "reuse-" + java.util.UUID.randomUUID();
		Api.Response first = this.api.post("applicant2", APPLICATIONS, complete(), key);
		assertThat(first.status()).isEqualTo(201);
		long events = events();

		Api.Response other = this.api.post("applicant2", APPLICATIONS,
				complete().replace("Demokratiewerkstatt", "Ein anderes Projekt"), key);
		Api.assertCode(other, 422, "IDEMPOTENCY_KEY_REUSED");
		Api.assertProblem(other, 422, "Idempotency-Key");
		assertThat(events()).isEqualTo(events);

		// a budget adjustment: the same key for another amount
		String fund = "kreis-mettmann-action-fund-2019";
		assertThat(this.api.post("staff", Api.budgetAdjustments(fund), "{\"amount\":1.00,\"reason\":\"Test\"}", key)
			.status()).isEqualTo(200);
		long adjusted = events();
		Api.assertCode(
				this.api.post("staff", Api.budgetAdjustments(fund), "{\"amount\":2.00,\"reason\":\"Test\"}", key), 422,
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(this.api.post("staff", Api.budgetAdjustments(fund), "{\"amount\":1.00,\"reason\":\"Test\"}", key)
			.status()).as("the same request again").isEqualTo(200);
		assertThat(events()).isEqualTo(adjusted);
	}

	@Test
	void an_applicant_withdraws_and_cannot_withdraw_twice() {
		String id = this.applications.draft("applicant1", complete());
		this.api.post("applicant1", submission(id), null);

		Api.Response withdrawn = this.api.post("applicant1", withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}");

		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
		Api.Response again = this.api.post("applicant1", withdrawal(id), null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("WRONG_STATUS");
	}

	@Test
	void staff_reject_an_ineligible_application_with_a_reason() {
		String id = this.applications.submitted("applicant3", complete());
		JsonNode rejected = this.api
			.post("staff", formalCheck(id),
					"{\"outcome\":\"REJECTED\",\"note\":\"Kommerzielles Projekt, nicht förderfähig\"}")
			.json();
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		Api.Response update = this.api.put("applicant3", application(id), complete());
		assertThat(update.status()).isEqualTo(409);
	}

	@Test
	void each_role_sees_exactly_the_applications_it_may_see() {
		String mine = this.applications.draft("applicant1", complete());
		String ready = this.applications.submitted("applicant2", complete());
		this.api.post("staff", formalCheck(ready), "{\"outcome\":\"ACCEPTED\"}");

		assertThat(ids("applicant1", "")).contains(mine).doesNotContain(ready);
		assertThat(ids("applicant2", "")).contains(ready).doesNotContain(mine);
		assertThat(ids("staff", "")).contains(mine, ready);
		assertThat(ids("auditor", "")).contains(mine, ready);
		// the steering board sees what is before it, not drafts; the
		// youth forum decides another fund
		assertThat(ids("board1", "")).contains(ready).doesNotContain(mine);
		assertThat(ids("youth1", "")).doesNotContain(ready, mine);

		assertThat(this.api.get("applicant2", application(mine)).status()).isEqualTo(404);
		assertThat(this.api.get("board1", application(mine)).status()).isEqualTo(404);
		assertThat(this.api.get("youth1", application(ready)).status()).isEqualTo(404);
		assertThat(this.api.get("board1", application(ready)).status()).isEqualTo(200);
		assertThat(this.api.get("auditor", application(mine)).status()).isEqualTo(200);
		assertThat(this.api.post("auditor", formalCheck(ready), "{\"outcome\":\"ACCEPTED\"}").status()).isEqualTo(403);
	}

	@Test
	void summaries_filter_by_fund_and_status_and_the_fund_shows_backlog_pending_money_and_processing_time() {
		int year = TestYears.next("ACTION_FUND");
		String fundId = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String a = this.applications.submitted("applicant1", complete(fundId, year));
		String b = this.applications.submitted("applicant2", complete(fundId, year));
		this.applications.draft("applicant3", complete(fundId, year));

		JsonNode times = this.api.get("staff", processingTimes(fundId)).json();
		assertThat(times.get("backlog").asInt()).isEqualTo(2);
		assertThat(times.get("checked").asInt()).isZero();
		assertThat(times.get("targetDays").asInt()).isEqualTo(21);
		assertThat(this.api.get("staff", fund(fundId)).json().get("requestedPending").decimalValue())
			.isEqualByComparingTo("2000.00");

		this.api.post("staff", formalCheck(a), "{\"outcome\":\"ACCEPTED\"}");

		JsonNode after = this.api.get("auditor", processingTimes(fundId)).json();
		assertThat(after.get("backlog").asInt()).isEqualTo(1);
		assertThat(after.get("checked").asInt()).isEqualTo(1);
		assertThat(after.get("averageDaysToFormalCheck").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(ids("staff", "?fundId=" + fundId)).hasSize(3);
		assertThat(ids("staff", "?fundId=" + fundId + "&status=SUBMITTED")).containsExactly(b);
		JsonNode summary = this.api.get("staff", APPLICATIONS + "?fundId=" + fundId + "&status=READY_FOR_DECISION")
			.json()
			.get(0);
		assertThat(summary.get("id").asText()).isEqualTo(a);
		assertThat(summary.get("organisation").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(summary.get("requestedAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(summary.get("daysInStatus").asLong()).isZero();
		assertThat(summary.get("submittedAt").asText()).isNotBlank();
		assertThat(this.api.get("applicant1", processingTimes(fundId)).status()).isEqualTo(403);
	}

	@Test
	void processing_times_count_each_application_once_per_stage_with_backlogs_period_and_target() {
		int year = TestYears.next("ACTION_FUND");
		String fundId = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "2000.00");
		this.applications.approved("applicant1", complete(fundId, year), "1000.00");
		this.applications.ready("applicant2", complete(fundId, year));
		this.applications.submitted("applicant3", complete(fundId, year));
		String rejected = this.applications.submitted("applicant1", complete(fundId, year));
		Api.Response refused = this.api.post("staff", formalCheck(rejected),
				"{\"outcome\":\"REJECTED\",\"note\":\"nicht förderfähig\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);

		JsonNode times = this.api.get("staff", processingTimes(fundId)).json();
		assertThat(times.get("targetDays").asInt()).isEqualTo(21);
		JsonNode stages = times.get("stages");
		// checked: the approved, the ready and the rejected one; the submitted one waits
		assertStage(stages.get("submissionToCheck"), 3, 1);
		// decided: the approved one; the ready one waits
		assertStage(stages.get("readyToDecision"), 1, 1);
		// decided or rejected at the check: two; waiting: the ready and the submitted one
		assertStage(stages.get("submissionToDecision"), 2, 2);
		assertThat(stages.get("readyToDecision").get("averageDays").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(stages.get("readyToDecision").get("medianDays").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(times.get("shareDecidedWithinTarget").decimalValue()).isEqualByComparingTo("1");

		// a period after today: nothing ended in it, the backlog is today's
		String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
		JsonNode later = this.api.get("auditor", processingTimes(fundId) + "?from=" + tomorrow).json();
		assertStage(later.get("stages").get("submissionToCheck"), 0, 1);
		assertThat(later.get("stages").get("submissionToCheck").get("averageDays").isNull()).isTrue();
		assertThat(later.get("shareDecidedWithinTarget").isNull()).isTrue();
		assertThat(later.get("from").asText()).isEqualTo(tomorrow);

		// over all funds of the partnership
		JsonNode all = this.api.get("staff", "/api/processing-times").json();
		assertThat(all.get("stages").get("submissionToCheck").get("count").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(all.get("fundId").isNull()).isTrue();

		// refusals
		assertProblem(this.api.get("staff", processingTimes(fundId) + "?from=2019-12-31&to=2019-01-01"), 400, "from");
		assertThat(this.api.get("staff", processingTimes(fundId) + "?from=31.12.2019").status()).isEqualTo(400);
		assertThat(this.api.get("staff", processingTimes(UNKNOWN)).status()).isEqualTo(404);
		assertThat(this.api.get("applicant1", "/api/processing-times").status()).isEqualTo(403);
		assertThat(this.api.get("board1", processingTimes(fundId)).status()).isEqualTo(403);
	}

	private static void assertStage(JsonNode stage, int count, int backlog) {
		assertThat(stage.get("count").asInt()).as(stage.toString()).isEqualTo(count);
		assertThat(stage.get("backlog").asInt()).as(stage.toString()).isEqualTo(backlog);
		assertThat(stage.get("oldestWaitingDays").asLong()).as(stage.toString()).isZero();
	}

	@Test
	void markup_in_text_is_kept_as_text() {
		String id = this.applications.draft("applicant1",
				complete().replace("Demokratiewerkstatt", "<script>alert('x')</script><b>fett</b>"));
		Api.Response read = this.api.get("applicant1", application(id));
		assertThat(read.contentType()).startsWith("application/json");
		assertThat(read.json().get("title").asText()).isEqualTo("<script>alert('x')</script><b>fett</b>");
	}

	@Test
	void a_youth_group_may_apply_to_the_youth_fund_when_confirming_its_age() {
		String body = Drafts.youthConfirmed(complete(YOUTH_FUND, 2019));
		String id = this.applications.draft("applicant3", body);
		Api.Response submitted = this.api.post("applicant3", submission(id), null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
	}

	static Stream<Arguments> hostileCreations() {
		String ok = complete();
		String huge = "x".repeat(100_000);
		return Stream.of(Arguments.of("no fund", ok.replace("\"fundId\":\"" + ACTION_FUND + "\",", ""), 400, "fundId"),
				Arguments.of("unknown fund", ok.replace(ACTION_FUND, "no-such-fund"), 400, "fundId"),
				Arguments.of("a body's id as fund", ok.replace(ACTION_FUND, "kreis-mettmann-steering-board"), 400,
						"fundId"),
				Arguments.of("another partnership's fund", ok.replace(ACTION_FUND, "kreis-wesel-action-fund-2019"), 400,
						"fundId"),
				Arguments.of("unknown action field", ok.replace("DEMOCRACY_PROMOTION", "WORLD_PEACE"), 400,
						"actionField"),
				Arguments.of("unknown target group", ok.replace("[\"YOUTH\"]", "[\"ALIENS\"]"), 400, "targetGroups[0]"),
				Arguments.of("null target group", ok.replace("[\"YOUTH\"]", "[null]"), 400, "targetGroups[0]"),
				Arguments.of("unknown legal form", ok.replace("REGISTERED_ASSOCIATION", "SECRET_SOCIETY"), 400,
						"applicant.legalForm"),
				Arguments.of("unknown cost category", ok.replace("\"FEES\"", "\"BRIBES\""), 400, "costs[0].category"),
				Arguments.of("unknown income source", ok.replace("\"OWN_FUNDS\"", "\"LOTTERY\""), 400,
						"income[0].source"),
				Arguments.of("negative cost", ok.replace("\"amount\":1200.00", "\"amount\":-1200.00"), 400,
						"costs[0].amount"),
				Arguments.of("cost with three decimals", ok.replace("\"amount\":1200.00", "\"amount\":1200.001"), 400,
						"costs[0].amount"),
				Arguments.of("cost without amount", ok.replace(",\"amount\":1200.00", ""), 400, "costs[0].amount"),
				Arguments.of("negative income", ok.replace("\"amount\":200.00", "\"amount\":-200.00"), 400,
						"income[0].amount"),
				Arguments.of("over-precise request", ok.replace("1000.00}", "1000.005}"), 400, "requestedAmount"),
				Arguments.of("absurd request", ok.replace("1000.00}", "1e12}"), 400, "requestedAmount"),
				Arguments.of("negative request", ok.replace("1000.00}", "-1000.00}"), 400, "requestedAmount"),
				Arguments.of("zero request", ok.replace("1000.00}", "0}"), 400, "requestedAmount"),
				Arguments.of("request as text", ok.replace("1000.00}", "\"tausend\"}"), 400, "requestedAmount"),
				Arguments.of("request above the cap", ok.replace("1000.00}", "6000.00}"), 400, "requestedAmount"),
				Arguments.of("end before start", ok.replace("2019-09-30", "2019-04-30"), 400, "endDate"),
				Arguments.of("start in another year", ok.replace("2019-05-01", "2018-12-01"), 400, "startDate"),
				Arguments.of("end after 31 December", ok.replace("2019-09-30", "2020-01-15"), 400, "endDate"),
				Arguments.of("impossible date", ok.replace("2019-05-01", "2019-02-30"), 400, "startDate"),
				Arguments.of("German date format", ok.replace("2019-05-01", "01.05.2019"), 400, "startDate"),
				Arguments.of("title of 100,000 characters", ok.replace("Demokratiewerkstatt", huge), 400, "title"),
				Arguments.of("summary over 2,000 characters", ok.replace("Workshops für Jugendliche", "y".repeat(2001)),
						400, "summary"),
				Arguments.of("description of 100,000 characters",
						ok.replace("\"actionField\"", "\"description\":\"" + huge + "\",\"actionField\""), 400,
						"description"),
				Arguments.of("organisation of 100,000 characters", ok.replace("Kulturverein Mettmann e.V.", huge), 400,
						"applicant.organisation"),
				Arguments.of("invalid e-mail", ok.replace("erika@example.org", "erika at example"), 400,
						"applicant.email"),
				Arguments.of("negative participants",
						ok.replace("\"actionField\"", "\"expectedParticipants\":-5,\"actionField\""), 400,
						"expectedParticipants"),
				Arguments.of("51 cost lines",
						ok.replace("[{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1200.00}]", "["
								+ String.join(",",
										java.util.Collections.nCopies(51,
												"{\"category\":\"FEES\",\"description\":\"x\",\"amount\":1.00}"))
								+ "]"),
						400, "costs"),
				Arguments.of("malformed JSON", "{\"fundId\":", 400, null), Arguments.of("an array", "[]", 400, null),
				Arguments.of("a string", "\"Antrag\"", 400, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileCreations")
	void hostile_drafts_are_refused_naming_the_field_and_store_nothing(String what, String body, int status,
			String field) {
		long events = events();

		Api.Response response = this.api.post("applicant1", APPLICATIONS, body);

		assertProblem(response, status, field);
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void only_applicants_create_applications_and_strangers_must_sign_in() {
		long events = events();
		assertThat(this.api.post("staff", APPLICATIONS, complete()).status()).isEqualTo(403);
		assertThat(this.api.post("auditor", APPLICATIONS, complete()).status()).isEqualTo(403);
		assertThat(this.api.post("board1", APPLICATIONS, complete()).status()).isEqualTo(403);
		Api.Response anonymous = this.api.post(null, APPLICATIONS, complete());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void hostile_changes_to_an_existing_application_are_refused_and_store_nothing() {
		String id = this.applications.draft("applicant1", complete());
		String submitted = this.applications.submitted("applicant1", complete());
		long events = events();

		assertProblem(this.api.put("applicant2", application(id), complete()), 404, null);
		assertProblem(this.api.put("applicant1", application(UNKNOWN), complete()), 404, null);
		assertProblem(this.api.put("applicant1", application(id), complete().replace(ACTION_FUND, YOUTH_FUND)), 400,
				"fundId");
		assertProblem(this.api.put("applicant1", application(id),
				complete().replace("Demokratiewerkstatt", "x".repeat(100_000))), 400, "title");
		assertProblem(this.api.put("applicant1", application(id), "{\"title\":"), 400, null);
		assertProblem(this.api.put("applicant1", application(submitted), complete()), 409, null);
		assertProblem(this.api.put("staff", application(id), complete()), 403, null);
		assertProblem(this.api.post("applicant2", submission(id), null), 404, null);
		assertProblem(this.api.post("applicant2", withdrawal(id), null), 404, null);
		assertProblem(this.api.get("applicant2", application(id)), 404, null);
		assertProblem(this.api.get("applicant1", application("z".repeat(500))), 404, null);
		assertProblem(this.api.post("staff", formalCheck(id), "{\"outcome\":\"ACCEPTED\"}"), 409, null);
		assertProblem(this.api.post("staff", formalCheck(submitted), "{\"outcome\":\"MAYBE\"}"), 400, "outcome");
		assertProblem(this.api.post("staff", formalCheck(submitted), "{}"), 400, "outcome");
		assertProblem(this.api.post("staff", formalCheck(submitted), "{\"outcome\":\"RETURNED\"}"), 400, "note");
		assertProblem(this.api.post("staff", formalCheck(submitted), "{\"outcome\":\"REJECTED\",\"note\":\"   \"}"),
				400, "note");
		assertProblem(this.api.post("applicant1", formalCheck(submitted), "{\"outcome\":\"ACCEPTED\"}"), 403, null);
		assertProblem(this.api.post("staff", formalCheck("unknown"), "{\"outcome\":\"ACCEPTED\"}"), 404, null);
		assertProblem(this.api.get("staff", APPLICATIONS + "?status=LOST"), 400, null);
		assertThat(events()).isEqualTo(events);
	}

	static Stream<Arguments> incompleteSubmissions() {
		String ok = complete();
		return Stream
			.of(Arguments.of("no title", ok.replace("\"title\":\"Demokratiewerkstatt\",", ""), "title"),
					Arguments.of("no costs",
							ok.replace("[{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1200.00}]",
									"[]"),
							"costs"),
					Arguments.of("cost plan does not add up", ok.replace("1000.00}", "999.99}"), "requestedAmount"),
					Arguments.of("no contact e-mail", ok.replace("\"email\":\"erika@example.org\",", ""),
							"applicant.email"),
					Arguments.of("youth fund without age confirmation", complete(YOUTH_FUND, 2019),
							"applicant.youthConfirmed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("incompleteSubmissions")
	void incomplete_or_inconsistent_applications_cannot_be_submitted(String what, String body, String field) {
		String id = this.applications.draft("applicant1", body);
		long events = events();

		Api.Response response = this.api.post("applicant1", submission(id), null);

		assertProblem(response, 422, field);
		assertThat(response.json().get("code").asText()).isEqualTo("SUBMISSION_INVALID");
		assertThat(events()).isEqualTo(events);
		assertThat(this.api.get("applicant1", application(id)).json().get("status").asText()).isEqualTo("DRAFT");
	}

	private List<String> ids(String user, String query) {
		Api.Response response = this.api.get(user, APPLICATIONS + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().forEach(summary -> ids.add(summary.get("id").asText()));
		return ids;
	}

	private long drafted() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%ApplicationDrafted'", Long.class);
	}

}
