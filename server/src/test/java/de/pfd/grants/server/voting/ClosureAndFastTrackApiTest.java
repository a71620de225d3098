package de.pfd.grants.server.voting;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.closure;
import static de.pfd.grants.server.Api.fastTrack;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.submission;
import static de.pfd.grants.server.Drafts.small;
import static de.pfd.grants.server.Drafts.unrelated;
import static de.pfd.grants.server.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * Decisions over real HTTP other than approving at the close of a vote: the board returns
 * an application for improvement, and the lead office decides small requests on the fast
 * track.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClosureAndFastTrackApiTest extends VotingApiTestSupport {

	@Test
	void the_board_may_return_an_application_for_improvement_and_the_applicant_revises_it() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", unrelated(fund, year));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, id, "YES");
		}

		JsonNode returned = ok(this.api.post("staff", closure(id),
				"{\"returnForImprovement\":true,\"note\":\"Bitte den Zeitplan konkretisieren\"}"));

		assertThat(returned.get("status").asText()).isEqualTo("RETURNED_FOR_REVISION");
		JsonNode decision = this.queries.decision("staff", fund, id);
		assertThat(decision.get("outcome").asText()).isEqualTo("RETURNED");
		assertThat(decision.get("note").asText()).isEqualTo("Bitte den Zeitplan konkretisieren");
		assertThat(text(decision, "approvedAmount")).isNull();
		assertThat(ok(this.api.get("staff", fund(fund))).get("reserved").decimalValue()).isEqualByComparingTo("0.00");
		Api.Response revised = this.api.put("applicant3", application(id),
				unrelated(fund, year).replace("Workshops für Jugendliche", "Workshops mit Zeitplan"));
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(ok(this.api.post("applicant3", submission(id), null)).get("version").asInt()).isEqualTo(2);
	}

	@Test
	void a_project_starting_before_its_approval_is_flagged_at_the_check_and_the_decision_records_the_early_start() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "2000.00");
		// the project starts on 1 May of the fund's year: before today for the years
		// gone by, after it for the years to come
		boolean early = LocalDate.of(year, 5, 1).isBefore(LocalDate.now(ZoneId.of("Europe/Berlin")));
		String approved = this.applications.ready("applicant1", Drafts.complete(fund, year));
		JsonNode checked = this.applications.get("staff", approved).get("earlyStart");
		assertThat(checked.get("projectStart").asText()).isEqualTo(year + "-05-01");
		assertThat(checked.get("startsBeforeApproval").asBoolean()).isEqualTo(early);
		assertThat(checked.get("approved").isNull()).isTrue();

		JsonNode decided = ok(
				this.api.post("staff", fastTrack(approved), "{\"outcome\":\"APPROVED\",\"approveEarlyStart\":true}"));
		assertThat(decided.get("earlyStart").get("startsBeforeApproval").asBoolean()).isEqualTo(early);
		// an early start is approved only where there is one
		assertThat(decided.get("earlyStart").get("approved").asBoolean()).isEqualTo(early);
		JsonNode decision = this.queries.decision("auditor", fund, approved);
		assertThat(decision.get("startsBeforeApproval").asBoolean()).isEqualTo(early);
		assertThat(decision.get("earlyStartApproved").asBoolean()).isEqualTo(early);

		String notApproved = this.applications.ready("applicant2", Drafts.complete(fund, year));
		JsonNode plain = ok(this.api.post("staff", fastTrack(notApproved), "{\"outcome\":\"APPROVED\"}"));
		assertThat(plain.get("earlyStart").get("approved").asBoolean()).isFalse();
		assertThat(this.api.post("staff", fastTrack(notApproved), "{\"approveEarlyStart\":\"ja\"}").status())
			.isEqualTo(400);
	}

	@Test
	void the_lead_office_decides_small_requests_on_the_fast_track_and_only_those() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "5000.00", "1500.00", "500.00");
		String smallOne = this.applications.ready("applicant1", small(fund, year));
		String smallTwo = this.applications.ready("applicant2", small(fund, year));
		String large = this.applications.ready("applicant3", unrelated(fund, year));

		JsonNode approved = ok(this.api.post("staff", fastTrack(smallOne), "{}"));

		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(this.applications.awaitGrant("applicant1", smallOne).get("approvedAmount").decimalValue())
			.isEqualByComparingTo("400.00");
		JsonNode decision = this.queries.decision("staff", fund, smallOne);
		assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(decision.get("decidedBy").asText()).isEqualTo("LEAD_OFFICE");
		assertThat(text(decision, "tally")).isNull();
		assertThat(ok(this.api.get("staff", fund(fund))).get("available").decimalValue())
			.isEqualByComparingTo("4600.00");

		long events = events();
		Api.Response tooLarge = this.api.post("staff", fastTrack(large), "{}");
		assertProblem(tooLarge, 422, null);
		assertThat(tooLarge.json().get("code").asText()).isEqualTo("FAST_TRACK_LIMIT_EXCEEDED");
		assertProblem(this.api.post("staff", fastTrack(smallTwo), "{\"outcome\":\"REJECTED\"}"), 400, "note");
		assertProblem(this.api.post("staff", fastTrack(smallTwo), "{\"outcome\":\"REJECTED\",\"note\":\"   \"}"), 400,
				"note");
		assertProblem(this.api.post("staff", fastTrack(smallTwo), "{\"approvedAmount\":400.01}"), 400,
				"approvedAmount");
		assertProblem(this.api.post("board1", fastTrack(smallTwo), "{}"), 403, null);
		assertThat(events()).isEqualTo(events);
		assertThat(this.applications.status("staff", large)).isEqualTo("READY_FOR_DECISION");

		JsonNode rejected = ok(this.api.post("staff", fastTrack(smallTwo),
				"{\"outcome\":\"REJECTED\",\"note\":\"Nicht förderfähig\"}"));

		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		JsonNode rejection = this.queries.decision("staff", fund, smallTwo);
		assertThat(rejection.get("decidedBy").asText()).isEqualTo("LEAD_OFFICE");
		assertThat(rejection.get("note").asText()).isEqualTo("Nicht förderfähig");
		assertThat(ok(this.api.get("staff", fund(fund))).get("reserved").decimalValue()).isEqualByComparingTo("400.00");
	}

	/**
	 * Closing the fund ends the open vote and every waiting application NOT_FUNDED (by
	 * the system, just after the closure); a decision after that is refused with 409 and
	 * stores nothing (before the process has acted, the decision is refused with
	 * FUND_CLOSED: see DecisionsOnAClosedFundTest).
	 */
	@Test
	void nothing_is_approved_from_a_closed_fund_and_a_refusal_stores_nothing() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String voted = this.applications.inVoting("applicant3", unrelated(fund, year));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, voted, "YES");
		}
		String small = this.applications.ready("applicant1", small(fund, year));
		assertThat(this.api.post("staff", Api.fundClosure(fund), null).status()).isEqualTo(200);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					List.of(this.applications.status("staff", voted), this.applications.status("staff", small)))
				.containsOnly("NOT_FUNDED"));
		long events = events();

		Api.assertCode(this.api.post("staff", closure(voted), "{}"), 409, "WRONG_STATUS");
		Api.assertCode(this.api.post("staff", fastTrack(small), "{}"), 409, "WRONG_STATUS");
		Api.assertCode(
				this.api.post("staff", fastTrack(small), "{\"outcome\":\"REJECTED\",\"note\":\"Fonds abgeschlossen\"}"),
				409, "WRONG_STATUS");
		assertThat(events()).isEqualTo(events);
		assertThat(this.applications.status("staff", voted)).isEqualTo("NOT_FUNDED");
		assertThat(this.applications.status("staff", small)).isEqualTo("NOT_FUNDED");
	}

}
