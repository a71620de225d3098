package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The money of a grant on the application's page over HTTP: the notice as PDF and its
 * confirmation, a payout request refused (too much: at the field, in the summary, the
 * value kept) and accepted, the proof of use with rows added, its sums (the htmx fragment
 * and the button without JavaScript), a refused and an accepted submission, and the
 * refund claim; another applicant's notice is 404.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class GrantPagesTest extends ApiTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	private TestAccounts accounts;

	@BeforeEach
	void accounts() {
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
	}

	@Test
	void the_applicant_downloads_and_confirms_the_notice_requests_money_and_submits_the_proof_of_use() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(fund, year), "900.00");
		String page = "/antraege/" + id;
		assertThat(this.api.get(applicant, page).body()).doesNotContain("bescheid.pdf");
		this.grants.issueNotice(id, "ZB-" + year + "-3");

		assertThat(this.api.get(applicant, page).body()).contains("Zuwendungsbescheid als PDF herunterladen")
			.contains("href=\"/antraege/" + id + "/bescheid.pdf\"")
			.contains("Bescheid bestätigen")
			.doesNotContain("id=\"mittelabruf\"");
		Api.Download pdf = this.api.download(applicant, page + "/bescheid.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		assertThat(this.api.download(this.accounts.create(Role.APPLICANT), page + "/bescheid.pdf").status())
			.isEqualTo(404);

		Session browser = new Session(applicant);
		assertThat(browser.post(page + "/bescheid/bestaetigen", Map.of(), false).statusCode()).isEqualTo(403);
		HttpResponse<String> confirmed = browser.post(page + "/bescheid/bestaetigen", Map.of(), true);
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("?bestaetigt");
		assertThat(browser.get(page + "?bestaetigt").body()).contains("Sie haben den Zuwendungsbescheid bestätigt")
			.contains("Noch abrufbar: 900,00\u00a0€")
			.contains("Mittel abrufen");

		// too much: refused at the field and in the summary, the value kept, nothing
		// requested
		HttpResponse<String> tooMuch = browser.post(page + "/auszahlung",
				Map.of("betrag", "1.000,00", "zweck", "Honorare"), true);
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("id=\"payout-amount-error\"")
			.contains("noch abrufbare Betrag von 900,00 Euro")
			.contains("href=\"#payout-amount\"")
			.contains("value=\"1.000,00\"")
			.contains(">Honorare</textarea>");
		assertThat(browser.post(page + "/auszahlung", Map.of("betrag", "viel"), true).body())
			.contains("Bitte einen Betrag über 0 in Euro angeben");
		// a purpose longer than the API allows (its own request record decides): at the
		// field
		HttpResponse<String> longPurpose = browser.post(page + "/auszahlung",
				Map.of("betrag", "100,00", "zweck", "x".repeat(2001)), true);
		assertThat(longPurpose.statusCode()).isEqualTo(422);
		assertThat(longPurpose.body()).contains("id=\"payout-purpose-error\"").contains("href=\"#payout-purpose\"");
		assertThat(this.applications.get(applicant, id).get("grant").get("requestedPayouts").decimalValue())
			.isEqualByComparingTo("0");

		HttpResponse<String> requested = browser.post(page + "/auszahlung",
				Map.of("betrag", "400,00", "zweck", "Honorare", "schluessel", "abruf-1"), true);
		assertThat(requested.statusCode()).isEqualTo(302);
		// the same form sent twice (a double click) requests once
		browser.post(page + "/auszahlung", Map.of("betrag", "400,00", "zweck", "Honorare", "schluessel", "abruf-1"),
				true);
		assertThat(this.applications.get(applicant, id).get("grant").get("requestedPayouts").decimalValue())
			.isEqualByComparingTo("400.00");
		this.grants.payOutWithFourEyes(id, Grants.payout("400.00", LocalDate.now(PartnershipCalendar.ZONE), null));
		assertThat(browser.get(page).body()).contains("id=\"auszahlungen\"")
			.contains("Zu verwenden bis")
			.contains("Noch abrufbar: 500,00\u00a0€");

		// the sums as htmx asks for them, and a row more, without JavaScript
		Map<String, String> statement = new LinkedHashMap<>();
		statement.put("report", "Drei Workshops mit 45 Jugendlichen.");
		statement.put("receipts[0].date", year + "-05-10");
		statement.put("receipts[0].category", "FEES");
		statement.put("receipts[0].description", "Honorar Referentin");
		statement.put("receipts[0].amount", "600,00");
		statement.put("receipts[1].date", year + "-05-12");
		statement.put("receipts[1].category", "MATERIAL");
		statement.put("receipts[1].amount", "1.300");
		statement.put("income[0].date", year + "-06-01");
		statement.put("income[0].description", "Teilnahmebeiträge");
		statement.put("income[0].amount", "200,00");
		HttpResponse<String> sums = browser.post(page + "/verwendungsnachweis/summen", statement, true);
		assertThat(sums.statusCode()).isEqualTo(200);
		assertThat(sums.body()).startsWith("<dl")
			.contains("1.900,00\u00a0€")
			.contains("200,00\u00a0€")
			.contains("1.700,00\u00a0€")
			.doesNotContain("<html");
		Map<String, String> moreRows = new LinkedHashMap<>(statement);
		moreRows.put("receipts[2].amount", "");
		moreRows.put("zeile", "beleg");
		HttpResponse<String> rows = browser.post(page + "/verwendungsnachweis", moreRows, true);
		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.body()).contains("id=\"receipts-3-date\"").contains("value=\"Honorar Referentin\"");
		Map<String, String> computed = new LinkedHashMap<>(statement);
		computed.put("summen", "1");
		assertThat(browser.post(page + "/verwendungsnachweis", computed, true).body()).contains("1.700,00\u00a0€");

		// an amount that is not one: at its field, the rest kept, nothing submitted
		Map<String, String> wrong = new LinkedHashMap<>(statement);
		wrong.put("receipts[1].amount", "zwölf");
		HttpResponse<String> refused = browser.post(page + "/verwendungsnachweis", wrong, true);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"receipts-1-amount-error\"")
			.contains("href=\"#receipts-1-amount\"")
			.contains("Betrag der Ausgabe, Zeile 2")
			.contains("value=\"zwölf\"");
		// a description longer than the API allows: at its row, by the API's own record
		Map<String, String> wordy = new LinkedHashMap<>(statement);
		wordy.put("income[0].description", "x".repeat(501));
		HttpResponse<String> tooLong = browser.post(page + "/verwendungsnachweis", wordy, true);
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("id=\"income-0-description-error\"")
			.contains("href=\"#income-0-description\"");
		// a receipt outside the project period: the use case's refusal at the row's date
		Map<String, String> late = new LinkedHashMap<>(statement);
		late.put("income[0].date", (year + 1) + "-06-01");
		HttpResponse<String> outside = browser.post(page + "/verwendungsnachweis", late, true);
		assertThat(outside.statusCode()).isEqualTo(422);
		assertThat(outside.body()).contains("id=\"income-0-date-error\"").contains("nicht im Projektzeitraum");
		assertThat(this.applications.status(applicant, id)).isEqualTo("APPROVED");

		HttpResponse<String> submitted = browser.post(page + "/verwendungsnachweis", statement, true);
		assertThat(submitted.statusCode()).isEqualTo(302);
		JsonNode application = this.applications.get(applicant, id);
		assertThat(application.get("status").asText()).isEqualTo("PROOF_OF_USE_SUBMITTED");
		JsonNode receipts = application.get("grant").get("receipts");
		assertThat(receipts).hasSize(3);
		assertThat(receipts.get(2).get("amount").decimalValue()).isEqualByComparingTo("-200.00");
		assertThat(browser.get(page).body()).contains("id=\"belege-eingereicht\"").contains("1.700,00\u00a0€");
	}

	@Test
	void the_refund_claim_of_a_settled_grant_is_shown_with_amount_due_day_and_interest() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(fund, year), "900.00", "ZB-" + year);
		this.grants.payOut(applicant, id, "700.00");
		Api.ok(this.api.post(applicant, Api.proofOfUse(id), Grants.proof(year)));
		Api.ok(this.api.post("staff", Api.review(id), "{\"eligibleAmount\":500.00}"));

		// the refund-claim projection follows the settlement
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get(applicant, "/antraege/" + id).body())
				.contains("id=\"rueckforderungen\""));
		String page = this.api.get(applicant, "/antraege/" + id).body();
		assertThat(page).contains("id=\"rueckforderungen\"")
			.contains("Abrechnung des Verwendungsnachweises")
			.contains("200,00\u00a0€")
			.contains("Fällig am")
			.contains("§ 49a VwVfG");
		assertThat(this.api.get(applicant, "/antraege/" + id + "?lang=en").body())
			.contains("Refund claims of this application")
			.contains("Settlement of the proof of use");
		// the claims of other applications are not part of it
		assertThat(page.split("id=\"rueckforderungen\"")[1].split("</table>")[0].split("<tr class=\"kern-table__row\"",
				-1))
			.hasSize(3);
	}

	/** A signed-in browser session: cookies, the page's CSRF token, no redirects. */
	private final class Session {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String base = "http://127.0.0.1:" + GrantPagesTest.this.port;

		private String token;

		Session(String username) {
			HttpResponse<String> login = get("/login");
			HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("username", username, "password", "demo", "_csrf", csrf(login.body()))))));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			this.token = csrf(
					get("/antraege").body().replace("<meta name=\"_csrf\" content=", "name=\"_csrf\" value="));
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> fields, boolean withToken) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			if (withToken) {
				all.put("_csrf", this.token);
			}
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(all))));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

		private static String form(Map<String, String> fields) {
			return fields.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

		private static String csrf(String page) {
			Matcher m = CSRF.matcher(page);
			assertThat(m.find()).as(page).isTrue();
			return m.group(1);
		}

	}

}
