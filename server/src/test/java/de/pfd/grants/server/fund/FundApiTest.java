package de.pfd.grants.server.fund;

import static de.pfd.grants.server.Api.FUNDS;
import static de.pfd.grants.server.Api.budgetAdjustments;
import static de.pfd.grants.server.Api.fund;
import static de.pfd.grants.server.Api.fundAsOf;
import static de.pfd.grants.server.Api.fundClosure;
import static de.pfd.grants.server.Api.movements;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;

/** The fund endpoints over real HTTP on the test database, as the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FundApiTest extends ApiTestSupport {

	@Autowired
	CommandGateway commands;

	@Test
	void the_demo_installation_shows_both_2019_funds_with_their_whole_budget_available() {
		Api.Response response = this.api.get("staff", FUNDS);

		assertThat(response.status()).isEqualTo(200);
		JsonNode action = fundIn(response.json(), "kreis-mettmann-action-fund-2019");
		JsonNode youth = fundIn(response.json(), "kreis-mettmann-youth-fund-2019");
		assertThat(action.get("type").asText()).isEqualTo("ACTION_FUND");
		assertThat(action.get("decisionBody").asText()).isEqualTo("STEERING_BOARD");
		assertThat(action.get("year").asInt()).isEqualTo(2019);
		assertThat(action.get("budget").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(action.get("available").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(action.get("status").asText()).isEqualTo("OPEN");
		for (String field : new String[] { "reserved", "paid", "released", "refunded", "requestedPending" }) {
			assertThat(action.get(field).decimalValue()).as(field).isEqualByComparingTo("0.00");
		}
		assertThat(youth.get("decisionBody").asText()).isEqualTo("YOUTH_FORUM");
		assertThat(youth.get("available").decimalValue()).isEqualByComparingTo("10000.00");
		// money is written with two decimals
		assertThat(response.body()).contains("\"budget\":35000.00");
	}

	@Test
	void every_signed_in_role_reads_the_funds_and_strangers_are_asked_to_sign_in() {
		for (String user : new String[] { "auditor", "board1", "youth1", "applicant1" }) {
			assertThat(this.api.get(user, FUNDS).status()).as(user).isEqualTo(200);
		}
		Api.Response anonymous = this.api.get(null, FUNDS);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
		assertThat(this.api.get("staff:wrong", FUNDS).status()).isEqualTo(401);
		assertThat(this.api.get("nobody:demo", FUNDS).status()).isEqualTo(401);
	}

	@Test
	void staff_open_a_fund_and_a_second_one_of_the_same_type_and_year_is_refused() {
		int year = TestYears.next();
		String body = """
				{"partnershipId":"kreis-mettmann","type":"ACTION_FUND","year":%d,"budget":35000.00,
				 "perProjectCap":5000.00,"fastTrackLimit":500.00}""".formatted(year);

		Api.Response created = this.api.post("staff", FUNDS, body);

		assertThat(created.status()).isEqualTo(201);
		String id = "kreis-mettmann-action-fund-" + year;
		assertThat(created.location()).endsWith(fund(id));
		assertThat(created.json().get("available").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(created.json().get("perProjectCap").decimalValue()).isEqualByComparingTo("5000.00");
		JsonNode read = this.api.get("auditor", fund(id)).json();
		assertThat(read.get("budget").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(read.get("decisionBody").asText()).isEqualTo("STEERING_BOARD");

		long events = events();
		Api.Response again = this.api.post("staff", FUNDS, body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("FUND_ALREADY_EXISTS");
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void only_staff_open_funds_and_only_in_their_own_partnership() {
		int year = TestYears.next();
		String body = "{\"type\":\"YOUTH_FUND\",\"year\":" + year + ",\"budget\":10000.00}";
		long events = events();
		for (String user : new String[] { "auditor", "board1", "applicant1" }) {
			Api.Response refused = this.api.post(user, FUNDS, body);
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
		}
		Api.Response foreign = this.api.post("staff", FUNDS,
				"{\"partnershipId\":\"kreis-wesel\",\"type\":\"YOUTH_FUND\",\"year\":" + year + ",\"budget\":10.00}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(events()).isEqualTo(events);
		assertThat(this.api.get("staff", fund("kreis-mettmann-youth-fund-" + year)).status()).isEqualTo(404);
	}

	static Stream<Arguments> brokenFunds() {
		return Stream.of(Arguments.of("negative budget", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":-1.00}"),
				Arguments.of("zero budget", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":0}"),
				Arguments.of("three decimals", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.005}"),
				Arguments.of("absurd budget", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":1e15}"),
				Arguments.of("budget as text", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":\"viel\"}"),
				Arguments.of("missing budget", "{\"type\":\"ACTION_FUND\",\"year\":2040}"),
				Arguments.of("missing type", "{\"year\":2040,\"budget\":100.00}"),
				Arguments.of("unknown type", "{\"type\":\"WAR_CHEST\",\"year\":2040,\"budget\":100.00}"),
				Arguments.of("year too early", "{\"type\":\"ACTION_FUND\",\"year\":1900,\"budget\":100.00}"),
				Arguments.of("fractional year", "{\"type\":\"ACTION_FUND\",\"year\":2040.5,\"budget\":100.00}"),
				Arguments.of("cap above budget",
						"{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.00,\"perProjectCap\":200.00}"),
				Arguments.of("fast track above cap",
						"{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.00,\"perProjectCap\":50.00,\"fastTrackLimit\":60.00}"),
				Arguments.of("negative cap",
						"{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.00,\"perProjectCap\":-5}"),
				Arguments.of("partnership id with markup",
						"{\"partnershipId\":\"<script>\",\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.00}"),
				Arguments.of("malformed JSON", "{\"type\":\"ACTION_FUND\",\"year\":"),
				Arguments.of("an array", "[1,2,3]"), Arguments.of("empty object", "{}"),
				Arguments.of("trailing garbage", "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":1.00} x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFunds")
	void broken_fund_requests_are_answered_400_with_a_problem_and_store_nothing(String what, String body) {
		long events = events();

		Api.Response response = this.api.post("staff", FUNDS, body);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("detail").asText()).isNotBlank();
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void broken_fields_are_named_in_the_problem() {
		JsonNode problem = this.api.post("staff", FUNDS, "{\"type\":\"ACTION_FUND\",\"year\":2040,\"budget\":100.001}")
			.json();
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("budget");
		JsonNode unknownType = this.api.post("staff", FUNDS, "{\"type\":\"WAR_CHEST\",\"year\":2040,\"budget\":100.00}")
			.json();
		assertThat(unknownType.get("errors").get(0).get("field").asText()).isEqualTo("type");
	}

	@Test
	void staff_raise_and_cut_the_budget_but_never_below_what_is_reserved() {
		String id = openFund("1000.00");
		Api.Response raised = this.api.post("staff", budgetAdjustments(id),
				"{\"amount\":500.00,\"reason\":\"Nachbewilligung des Bundes\"}");
		assertThat(raised.status()).isEqualTo(200);
		assertThat(raised.json().get("budget").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(raised.json().get("available").decimalValue()).isEqualByComparingTo("1500.00");

		this.commands
			.sendAndWait(new ReserveFundsCommand(new FundId(id), ApplicationId.random(), Money.euros("1200.00")));
		long events = events();
		Api.Response tooDeep = this.api.post("staff", budgetAdjustments(id),
				"{\"amount\":-400.00,\"reason\":\"Kürzung\"}");
		assertThat(tooDeep.status()).isEqualTo(409);
		assertThat(tooDeep.json().get("code").asText()).isEqualTo("BUDGET_BELOW_RESERVED");
		assertThat(events()).isEqualTo(events);

		Api.Response cut = this.api.post("staff", budgetAdjustments(id), "{\"amount\":-300.00,\"reason\":\"Kürzung\"}");
		assertThat(cut.status()).isEqualTo(200);
		assertThat(cut.json().get("budget").decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(cut.json().get("reserved").decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(cut.json().get("available").decimalValue()).isEqualByComparingTo("0.00");
	}

	@Test
	void a_retried_adjustment_with_the_same_idempotency_key_is_booked_once() {
		String id = openFund("1000.00");
		String body = "{\"amount\":250.00,\"reason\":\"Doppelklick\"}";

		Api.Response first = this.api.post("staff", budgetAdjustments(id), body, "key-1");
		Api.Response second = this.api.post("staff", budgetAdjustments(id), body, "key-1");

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("budget").decimalValue()).isEqualByComparingTo("1250.00");
		Api.Response third = this.api.post("staff", budgetAdjustments(id), body, "key-2");
		assertThat(third.json().get("budget").decimalValue()).isEqualByComparingTo("1500.00");
	}

	static Stream<Arguments> brokenAdjustments() {
		return Stream.of(Arguments.of("no reason", "{\"amount\":100.00}", 400),
				Arguments.of("blank reason", "{\"amount\":100.00,\"reason\":\"   \"}", 400),
				Arguments.of("zero", "{\"amount\":0,\"reason\":\"x\"}", 400),
				Arguments.of("three decimals", "{\"amount\":0.001,\"reason\":\"x\"}", 400),
				Arguments.of("absurd", "{\"amount\":99999999999,\"reason\":\"x\"}", 400),
				Arguments.of("no amount", "{\"reason\":\"x\"}", 400),
				Arguments.of("reason of 100,000 characters",
						"{\"amount\":1.00,\"reason\":\"" + "x".repeat(100_000) + "\"}", 400),
				Arguments.of("malformed", "{\"amount\":", 400));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenAdjustments")
	void broken_adjustments_are_refused_and_store_nothing(String what, String body, int status) {
		String id = "kreis-mettmann-action-fund-2019";
		long events = events();

		Api.Response response = this.api.post("staff", budgetAdjustments(id), body);

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).isTrue();
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void adjustments_to_unknown_funds_and_by_other_roles_are_refused() {
		String body = "{\"amount\":100.00,\"reason\":\"x\"}";
		long events = events();
		assertThat(this.api.post("staff", budgetAdjustments("no-such-fund"), body).status()).isEqualTo(404);
		assertThat(this.api.post("auditor", budgetAdjustments("kreis-mettmann-action-fund-2019"), body).status())
			.isEqualTo(403);
		assertThat(this.api.post("applicant1", budgetAdjustments("kreis-mettmann-action-fund-2019"), body).status())
			.isEqualTo(403);
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void closing_a_fund_lets_the_unreserved_rest_lapse_and_stops_everything_but_the_flow_of_existing_grants() {
		String id = openFund("2000.00");
		this.commands
			.sendAndWait(new ReserveFundsCommand(new FundId(id), ApplicationId.random(), Money.euros("800.00")));

		Api.Response closed = this.api.post("staff", fundClosure(id), null);

		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.json().get("lapsed").decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(closed.json().get("reserved").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(closed.json().get("available").decimalValue()).isEqualByComparingTo("0.00");

		Api.Response again = this.api.post("staff", fundClosure(id), null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("FUND_CLOSED");
		Api.Response adjust = this.api.post("staff", budgetAdjustments(id),
				"{\"amount\":100.00,\"reason\":\"zu spät\"}");
		assertThat(adjust.status()).isEqualTo(409);
		assertThat(this.api.post("auditor", fundClosure(id), null).status()).isEqualTo(403);
		assertThat(this.api.post("staff", fundClosure("unknown-fund"), null).status()).isEqualTo(404);
	}

	@Test
	void staff_and_auditors_follow_every_movement_with_a_running_balance() {
		String id = openFund("1000.00");
		this.api.post("staff", budgetAdjustments(id), "{\"amount\":200.00,\"reason\":\"<script>alert(1)</script>\"}");
		this.commands
			.sendAndWait(new ReserveFundsCommand(new FundId(id), ApplicationId.random(), Money.euros("300.00")));
		this.api.post("staff", fundClosure(id), null);

		Api.Response movements = this.api.get("auditor", movements(id));

		assertThat(movements.status()).isEqualTo(200);
		JsonNode list = movements.json();
		assertThat(list).hasSize(4);
		assertThat(list.get(0).get("type").asText()).isEqualTo("OPENING_BUDGET");
		assertThat(list.get(0).get("actor").asText()).isEqualTo("staff");
		assertThat(list.get(1).get("type").asText()).isEqualTo("BUDGET_ADJUSTMENT");
		assertThat(list.get(1).get("note").asText()).isEqualTo("<script>alert(1)</script>");
		assertThat(list.get(2).get("type").asText()).isEqualTo("RESERVATION");
		assertThat(list.get(3).get("type").asText()).isEqualTo("LAPSE");
		assertThat(balances(list)).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("1000.00"), new BigDecimal("1200.00"), new BigDecimal("900.00"),
					new BigDecimal("0.00"));
		assertThat(this.api.get("staff", movements(id)).status()).isEqualTo(200);
		assertThat(this.api.get("applicant1", movements(id)).status()).isEqualTo(403);
		assertThat(this.api.get("board1", movements(id)).status()).isEqualTo(403);
		assertThat(this.api.get("staff", movements("unknown-fund")).status()).isEqualTo(404);
	}

	@Test
	void figures_as_of_an_instant_ignore_what_happened_later() {
		String id = openFund("1000.00");
		this.api.post("staff", budgetAdjustments(id), "{\"amount\":500.00,\"reason\":\"mehr\"}");
		JsonNode movements = this.api.get("staff", movements(id)).json();
		String opened = movements.get(0).get("occurredAt").asText();

		JsonNode then = this.api.get("staff", fundAsOf(id, opened)).json();
		JsonNode now = this.api.get("staff", fund(id)).json();

		assertThat(then.get("budget").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(now.get("budget").decimalValue()).isEqualByComparingTo("1500.00");
		JsonNode beforeOpening = this.api.get("staff", fundAsOf(id, "2000-01-01T00:00:00Z")).json();
		assertThat(beforeOpening.get("existed").asBoolean()).isFalse();
		assertThat(beforeOpening.get("budget").decimalValue()).isEqualByComparingTo("0.00");
		Api.Response garbage = this.api.get("staff", fundAsOf(id, "yesterday"));
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.isProblem()).isTrue();
	}

	@Test
	void a_malformed_url_is_bad_input_answered_as_a_problem() {
		Api.Response response = this.api.get("staff", "/api/funds//movements");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void the_api_is_documented_with_openapi() {
		Api.Response docs = this.api.get(null, "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/funds/{fundId}/budget-adjustments")).isTrue();
	}

	private String openFund(String budget) {
		return this.funds.open("YOUTH_FUND", TestYears.next(), budget, null, null);
	}

	private static JsonNode fundIn(JsonNode funds, String id) {
		for (JsonNode fund : funds) {
			if (fund.get("id").asText().equals(id)) {
				return fund;
			}
		}
		throw new AssertionError("no fund " + id + " in " + funds);
	}

	private static java.util.List<BigDecimal> balances(JsonNode movements) {
		java.util.List<BigDecimal> balances = new java.util.ArrayList<>();
		movements.forEach(m -> balances.add(m.get("available").decimalValue()));
		return balances;
	}

}
