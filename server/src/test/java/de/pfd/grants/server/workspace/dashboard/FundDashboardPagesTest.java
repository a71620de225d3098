package de.pfd.grants.server.workspace.dashboard;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Over HTTP: the fund dashboard shows the API's own figures (read off the page by their
 * element ids and compared with {@code GET /api/funds/{id}}), now and as of a day, its
 * waiting list as the applications' positions, money by action field adding up to the
 * fund's; an invalid reference date is refused in German (422); members and applicants
 * are refused (403), another partnership's fund and an unknown one do not exist (404).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class FundDashboardPagesTest extends ApiTestSupport {

	private static final List<String> FIGURES = List.of("budget", "reserved", "paid", "released", "refunded", "lapsed",
			"available", "requestedPending");

	private static final Pattern FIGURE = Pattern
		.compile("<data id=\"figure-(\\w+)\" value=\"([-0-9.]+)\">([^<]+)</data>");

	private static DashboardFund fund;

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeEach
	void fund() {
		if (fund == null) {
			fund = DashboardFund.create(this.api, this.funds, this.applications, this.grants);
		}
	}

	@Test
	void the_figures_on_the_dashboard_are_the_apis_figures() {
		JsonNode api = this.funds.get("staff", fund.id());
		assertThat(api.get("reserved").decimalValue()).isEqualByComparingTo("2000.00");
		assertThat(api.get("paid").decimalValue()).isEqualByComparingTo("400.00");
		assertThat(api.get("released").decimalValue()).isEqualByComparingTo("400.00");
		Api.Response page = this.api.get("staff", "/fonds/" + fund.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 class=\"kern-heading-large\">Aktionsfonds " + fund.year() + "</h1>");
		assertSameFigures(figures(page.body()), api);
		// the same for auditors
		assertSameFigures(figures(ok200(this.api.get("auditor", "/fonds/" + fund.id()))),
				this.funds.get("auditor", fund.id()));
	}

	@Test
	void the_figures_as_of_a_day_are_the_apis_figures_of_that_day() {
		LocalDate today = PartnershipCalendar.dayOf(java.time.Instant.now());
		JsonNode api = ok(this.api.get("staff", Api.fundAsOf(fund.id(), today)));
		String page = ok200(this.api.get("staff", "/fonds/" + fund.id() + "?stichtag=" + today));
		assertSameFigures(figures(page), api);
		assertThat(page).contains("value=\"" + today + "\"");
		// the as-of history's last day is the day asked for, with the same figures
		Matcher last = Pattern
			.compile("<tr class=\"kern-table__row\" id=\"geld-" + today + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(last.find()).isTrue();
		assertThat(last.group(1)).contains(euro(api.get("budget").decimalValue()),
				euro(api.get("reserved").decimalValue()), euro(api.get("paid").decimalValue()));
		// a day before the fund's year and its opening: it did not exist, every figure
		// zero
		String before = ok200(this.api.get("staff", "/fonds/" + fund.id() + "?stichtag=2000-01-01"));
		assertThat(before).contains("id=\"noch-nicht\"");
		figures(before).values().forEach(value -> assertThat(value).isEqualByComparingTo("0"));
	}

	@Test
	void the_waiting_list_stage_counts_and_action_fields_are_the_funds() {
		String page = ok200(this.api.get("staff", "/fonds/" + fund.id()));
		JsonNode waiting = this.applications.get("staff", fund.waiting()).get("grant");
		Matcher row = Pattern
			.compile("<tr class=\"kern-table__row\" id=\"wartet-" + fund.waiting() + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("the waiting approval's row").isTrue();
		assertThat(row.group(1)).contains(">" + waiting.get("waitlistPosition").asInt() + "<",
				euro(new BigDecimal("1000.00")));
		assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(page).doesNotContain("id=\"wartet-" + fund.reserved() + "\"");

		assertThat(count(page, "stand-FORMAL_CHECK")).isEqualTo(1);
		assertThat(count(page, "stand-FUNDED")).isEqualTo(2);
		assertThat(count(page, "stand-WAITING_LIST")).isEqualTo(1);
		assertThat(count(page, "stand-ENDED")).isEqualTo(1);
		assertThat(count(page, "stand-DECISION")).isZero();

		// all four approvals are for democracy promotion: 3 reservations of 2,400.00, of
		// which 2,000.00 are still bound (the fund's reserved money) and 400.00 paid
		Matcher field = Pattern.compile("id=\"feld-DEMOCRACY_PROMOTION\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(field.find()).isTrue();
		assertThat(field.group(1)).contains(">3<", "value=\"2400.00\"", "value=\"2000.00\"", "value=\"400.00\"");
		Matcher other = Pattern.compile("id=\"feld-DIVERSITY\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(other.find()).isTrue();
		assertThat(other.group(1)).contains(">0<", "value=\"0.00\"");

		// the charts: images with a title and description, beside their tables
		assertThat(page).contains("aria-labelledby=\"geld-titel geld-beschreibung\"",
				"aria-labelledby=\"fields-titel fields-beschreibung\"",
				"aria-labelledby=\"stages-titel stages-beschreibung\"",
				"aria-labelledby=\"trend-titel trend-beschreibung\"", "viewBox=\"0 0 640 300\"");
		assertThat(Pattern.compile("<svg class=\"grants-dashboard-(chart|trend)\"[^>]*role=\"img\"")
			.matcher(page)
			.results()).hasSize(4);
		assertThat(page).doesNotContain("style=");
		// the processing time against the partnership's target (21 days by default)
		assertThat(page).contains("id=\"bearbeitung-ziel\">höchstens 21 Tage im Durchschnitt<");
		assertThat(page).containsPattern("id=\"bearbeitung-entschieden\">[1-9]\\d*<");
	}

	@Test
	void the_waiting_list_and_the_money_by_action_field_are_the_apis_too() {
		String page = ok200(this.api.get("auditor", "/fonds/" + fund.id()));
		JsonNode waiting = ok(this.api.get("auditor", Api.fund(fund.id()) + "/waiting-list"));
		assertThat(waiting).hasSize(1);
		JsonNode first = waiting.get(0);
		assertThat(first.get("applicationId").asText()).isEqualTo(fund.waiting());
		assertThat(first.get("position").asInt()).isEqualTo(1);
		assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(page).containsPattern("id=\"wartet-" + fund.waiting() + "\">\\s*<td[^>]*>1</td>");

		JsonNode fields = ok(this.api.get("auditor", Api.fund(fund.id()) + "/action-fields"));
		JsonNode figures = this.funds.get("auditor", fund.id());
		BigDecimal reserved = BigDecimal.ZERO;
		BigDecimal paid = BigDecimal.ZERO;
		for (JsonNode field : fields) {
			reserved = reserved.add(field.get("reserved").decimalValue());
			paid = paid.add(field.get("paid").decimalValue());
			Matcher row = Pattern
				.compile("id=\"feld-" + field.get("actionField").asText() + "\">(.*?)</tr>", Pattern.DOTALL)
				.matcher(page);
			assertThat(row.find()).isTrue();
			assertThat(row.group(1)).contains(">" + field.get("approvals").asInt() + "<",
					"value=\"" + field.get("approved").decimalValue().setScale(2).toPlainString() + "\"",
					"value=\"" + field.get("reserved").decimalValue().setScale(2).toPlainString() + "\"",
					"value=\"" + field.get("paid").decimalValue().setScale(2).toPlainString() + "\"");
		}
		assertThat(fields).hasSize(3);
		assertThat(reserved).as("the action fields add up to the fund")
			.isEqualByComparingTo(figures.get("reserved").decimalValue());
		assertThat(paid).isEqualByComparingTo(figures.get("paid").decimalValue());
		assertThat(this.api.get("applicant3", Api.fund(fund.id()) + "/waiting-list").status()).isEqualTo(403);
		assertThat(this.api.get("staff", Api.fund(fund.id()) + "/action-fields?asOf=2026-02-30").status())
			.isEqualTo(400);
		assertThat(ok(this.api.get("staff", Api.fund(fund.id()) + "/action-fields?asOf=2000-01-01")).get(0)
			.get("reserved")
			.decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void the_list_of_funds_links_each_to_its_dashboard() {
		String page = ok200(this.api.get("auditor", "/fonds"));
		assertThat(page).contains("<h1 class=\"kern-heading-large\">Fonds</h1>", "href=\"/fonds/" + fund.id() + "\"");
		Matcher row = Pattern.compile("id=\"fonds-" + fund.id() + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains(euro(new BigDecimal("2500.00")), euro(new BigDecimal("500.00")), "offen");
		assertThat(ok200(this.api.get("staff", "/fonds?lang=en")))
			.contains("<h1 class=\"kern-heading-large\">Funds</h1>");
		assertThat(ok200(this.api.get("staff", "/fonds/" + fund.id() + "?lang=en"))).contains("Money over time",
				"Reference date");
	}

	@Test
	void an_invalid_reference_date_is_refused_in_german_with_the_figures_of_now() {
		Api.Response page = this.api.get("staff", "/fonds/" + fund.id() + "?stichtag=2026-02-30");
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains("id=\"fehler\"", "href=\"#stichtag\"",
				"Bitte geben Sie den Stichtag als gültiges Datum an", "aria-invalid=\"true\"", "value=\"2026-02-30\"",
				"aria-describedby=\"stichtag-hinweis stichtag-fehler\"");
		assertSameFigures(figures(page.body()), this.funds.get("staff", fund.id()));
		assertThat(this.api.get("staff", "/fonds/" + fund.id() + "?stichtag=gestern").status()).isEqualTo(422);
	}

	@Test
	void members_and_applicants_are_refused_and_other_funds_do_not_exist() {
		assertThat(this.api.get("applicant3", "/fonds").status()).isEqualTo(403);
		assertThat(this.api.get("applicant3", "/fonds/" + fund.id()).status()).isEqualTo(403);
		assertThat(this.api.get("board1", "/fonds/" + fund.id()).status()).isEqualTo(403);
		assertThat(this.api.get("youth1", "/fonds").status()).isEqualTo(403);
		assertThat(this.api.get("staff", "/fonds/no-such-fund").status()).isEqualTo(404);
		String elsewhere = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.STAFF,
				new PartnershipId("kreis-wesel"));
		Api.Response other = this.api.get(elsewhere, "/fonds/" + fund.id());
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.body()).contains("Seite nicht gefunden").doesNotContain("Aktionsfonds " + fund.year());
		assertThat(this.api.get(elsewhere, Api.fund(fund.id())).status()).as("as the API").isEqualTo(404);
		assertThat(ok200(this.api.get(elsewhere, "/fonds"))).doesNotContain(fund.id());
	}

	private static void assertSameFigures(Map<String, BigDecimal> page, JsonNode api) {
		assertThat(page.keySet()).containsExactlyElementsOf(FIGURES);
		for (String name : FIGURES) {
			assertThat(page.get(name)).as(name).isEqualByComparingTo(api.get(name).decimalValue());
		}
	}

	/**
	 * The figures shown, by their element ids: the text as a German amount, checked
	 * against the machine-readable value beside it.
	 */
	private static Map<String, BigDecimal> figures(String page) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		Matcher m = FIGURE.matcher(page);
		while (m.find()) {
			BigDecimal shown = german(m.group(3));
			assertThat(shown).as(m.group(1)).isEqualByComparingTo(new BigDecimal(m.group(2)));
			figures.put(m.group(1), shown);
		}
		return figures;
	}

	private static BigDecimal german(String text) {
		return new BigDecimal(text.replace("€", "").replace("\u00a0", "").replace(".", "").replace(',', '.').strip());
	}

	private static String euro(BigDecimal amount) {
		java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(java.util.Locale.GERMANY);
		return format.format(amount);
	}

	private static int count(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>(\\d+)</td>").matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static String ok200(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

}
