package de.pfd.grants.server.privacy;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * Retention, erasure and the data subject's export over HTTP on PostgreSQL: the files due
 * on a day by the partnership's rule, who may read and confirm, what the erasure refuses,
 * and what an export holds (only the subject's own, only of the own partnership).
 */
// a context of its own: its years (the default context has given out nearly all) and a
// store that no test edits behind the chain's back (the erasure test verifies the whole
// history)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "grants.test.context=privacy")
class PrivacyApiTest extends ApiTestSupport {

	private static final String DUE = "/api/privacy/erasures/due";

	private static final String ERASURES = "/api/privacy/erasures";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private CommandGateway commands;

	@Autowired
	private AccountStore accountStore;

	@Autowired
	private PasswordEncoder passwords;

	private TestAccounts accounts;

	private String fund;

	private int year;

	@BeforeEach
	void aFundOfItsOwn() {
		this.accounts = new TestAccounts(this.accountStore, this.passwords, this.jdbc);
		this.year = TestYears.next("ACTION_FUND");
		this.fund = this.funds.open("ACTION_FUND", this.year, "35000.00", null, null);
	}

	private String withdrawn(String applicant, String body) {
		String id = this.applications.submitted(applicant, body);
		ok(this.api.post(applicant, Api.withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}"));
		return id;
	}

	/** The last day a file that never got a grant and ended now is kept by default. */
	private LocalDate unsuccessfulKeptUntil() {
		int ended = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
		return LocalDate.of(Math.max(this.year, ended) + 1, 12, 31);
	}

	private static List<String> ids(JsonNode due) {
		List<String> ids = new ArrayList<>();
		due.get("due").forEach(file -> ids.add(file.get("applicationId").asText()));
		return ids;
	}

	private static JsonNode file(JsonNode due, String id) {
		for (JsonNode file : due.get("due")) {
			if (file.get("applicationId").asText().equals(id)) {
				return file;
			}
		}
		throw new AssertionError(id + " not in " + due);
	}

	// due list

	@Test
	void a_withdrawn_application_is_due_the_day_after_its_period_and_a_running_one_never() {
		String withdrawn = withdrawn("applicant1", Drafts.complete(this.fund, this.year));
		String running = this.applications.submitted("applicant1", Drafts.complete(this.fund, this.year));
		LocalDate until = unsuccessfulKeptUntil();

		JsonNode lastDay = ok(this.api.get("staff", DUE + "?on=" + until));
		JsonNode dayAfter = ok(this.api.get("staff", DUE + "?on=" + until.plusDays(1)));
		JsonNode farAhead = ok(this.api.get("auditor", DUE + "?on=2300-01-01"));

		assertThat(ids(lastDay)).doesNotContain(withdrawn, running);
		assertThat(ids(dayAfter)).contains(withdrawn).doesNotContain(running);
		assertThat(ids(farAhead)).contains(withdrawn).doesNotContain(running);
		assertThat(dayAfter.get("on").asText()).isEqualTo(until.plusDays(1).toString());
		JsonNode file = file(dayAfter, withdrawn);
		assertThat(file.get("title").asText()).isEqualTo("Demokratiewerkstatt");
		assertThat(file.get("fundId").asText()).isEqualTo(this.fund);
		assertThat(file.get("fundType").asText()).isEqualTo("ACTION_FUND");
		assertThat(file.get("fundYear").asInt()).isEqualTo(this.year);
		assertThat(file.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(file.get("retainedUntil").asText()).isEqualTo(until.toString());
		assertThat(file.get("basis").asText()).isEqualTo("NEVER_GRANTED");
		assertThat(file.get("why").asText()).contains("zurückgezogen").contains("1 Jahr");
	}

	@Test
	void today_nothing_of_this_years_files_is_due() {
		String withdrawn = withdrawn("applicant1", Drafts.complete(this.fund, this.year));

		JsonNode today = ok(this.api.get("staff", DUE));

		assertThat(today.get("on").asText()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
		assertThat(ids(today)).doesNotContain(withdrawn);
	}

	@Test
	void the_partnerships_own_period_moves_the_day_a_file_is_due() {
		PartnershipId partnership = new PartnershipId("privacy-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "Partnerschaft " + partnership));
		String staff = this.accounts.create(Role.STAFF, partnership);
		String applicant = this.accounts.create(Role.APPLICANT, partnership);
		String fund = Api
			.created(this.api.post(staff, Api.FUNDS,
					"{\"type\":\"ACTION_FUND\",\"year\":%d,\"budget\":35000.00}".formatted(this.year)))
			.get("id")
			.asText();
		String id = this.applications.submitted(applicant, Drafts.complete(fund, this.year));
		ok(this.api.post(applicant, Api.withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}"));
		JsonNode settings = ok(this.api.put(staff, "/api/partnership/settings",
				"{\"fourEyesPayouts\":true,\"processingTimeTargetDays\":21,\"unsuccessfulRetentionYears\":3}"));
		assertThat(settings.get("unsuccessfulRetentionYears").asInt()).isEqualTo(3);
		assertThat(settings.get("retentionYears").asInt()).isEqualTo(10);
		LocalDate until = unsuccessfulKeptUntil().plusYears(2);

		assertThat(ids(ok(this.api.get(staff, DUE + "?on=" + until)))).doesNotContain(id);
		assertThat(file(ok(this.api.get(staff, DUE + "?on=" + until.plusDays(1))), id).get("retainedUntil").asText())
			.isEqualTo(until.toString());
		// nobody else's partnership sees it
		assertThat(ids(ok(this.api.get("staff", DUE + "?on=2300-01-01")))).doesNotContain(id);
	}

	@Test
	void retention_periods_outside_1_to_30_years_are_refused_at_their_field() {
		PartnershipId partnership = new PartnershipId("privacy-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "Partnerschaft " + partnership));
		String staff = this.accounts.create(Role.STAFF, partnership);
		for (String years : new String[] { "0", "31", "-1" }) {
			Api.Response refused = this.api.put(staff, "/api/partnership/settings",
					"{\"fourEyesPayouts\":true,\"processingTimeTargetDays\":21,\"retentionYears\":" + years + "}");
			assertProblem(refused, 400, "retentionYears");
			assertCode(refused, 400, "INVALID_INPUT");
		}
		assertProblem(
				this.api.put(staff, "/api/partnership/settings",
						"{\"fourEyesPayouts\":true,\"processingTimeTargetDays\":21,\"unsuccessfulRetentionYears\":31}"),
				400, "unsuccessfulRetentionYears");
	}

	@Test
	void applicants_and_members_do_not_read_the_due_list_and_a_day_that_is_none_is_refused() {
		String member = this.accounts.create(Role.MEMBER);
		assertProblem(this.api.get("applicant1", DUE), 403, null);
		assertProblem(this.api.get(member, DUE), 403, null);
		assertProblem(this.api.get("applicant1", ERASURES), 403, null);
		Api.Response bad = this.api.get("staff", DUE + "?on=31.12.2030");
		assertProblem(bad, 400, "on");
		assertCode(bad, 400, "INVALID_INPUT");
		assertThat(bad.json().get("detail").asText()).contains("Datum");
	}

	// confirmed erasure: the refusals (the erasure itself: PrivacyErasureApiTest)

	@Test
	void only_staff_erase_and_an_unknown_application_is_not_found() {
		String id = withdrawn("applicant1", Drafts.complete(this.fund, this.year));
		String member = this.accounts.create(Role.MEMBER);
		String body = "{\"applicationId\":\"" + id + "\",\"reason\":\"Antrag der Person\",\"request\":true}";

		assertProblem(this.api.post("auditor", ERASURES, body), 403, null);
		assertProblem(this.api.post("applicant1", ERASURES, body), 403, null);
		assertProblem(this.api.post(member, ERASURES, body), 403, null);
		assertCode(
				this.api.post("staff", ERASURES,
						"{\"applicationId\":\"" + Applications.UNKNOWN + "\",\"reason\":\"x\",\"request\":true}"),
				404, "NOT_FOUND");
	}

	@Test
	void an_erasure_needs_a_reason_of_at_most_450_characters_and_an_application() {
		String id = withdrawn("applicant1", Drafts.complete(this.fund, this.year));
		long before = events();

		Api.Response noReason = this.api.post("staff", ERASURES, "{\"applicationId\":\"" + id + "\",\"request\":true}");
		assertProblem(noReason, 400, "reason");
		assertCode(noReason, 400, "INVALID_INPUT");
		assertThat(noReason.json().get("detail").asText()).contains("Grund");
		assertProblem(
				this.api.post("staff", ERASURES,
						"{\"applicationId\":\"" + id + "\",\"reason\":\"" + "x".repeat(451) + "\",\"request\":true}"),
				400, "reason");
		assertProblem(this.api.post("staff", ERASURES, "{\"reason\":\"x\"}"), 400, "applicationId");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_file_inside_its_period_is_refused_unless_requested_and_a_running_procedure_always() {
		String withdrawn = withdrawn("applicant1", Drafts.complete(this.fund, this.year));
		String running = this.applications.submitted("applicant1", Drafts.complete(this.fund, this.year));
		long before = events();

		Api.Response notRequested = this.api.post("staff", ERASURES,
				"{\"applicationId\":\"" + withdrawn + "\",\"reason\":\"Frist?\"}");
		assertCode(notRequested, 409, "RETENTION_PERIOD_RUNNING");
		assertThat(notRequested.json().get("detail").asText()).contains("aufzubewahren").contains("auf Antrag");
		Api.Response runningRequested = this.api.post("staff", ERASURES,
				"{\"applicationId\":\"" + running + "\",\"reason\":\"Antrag der Person\",\"request\":true}");
		assertCode(runningRequested, 409, "RETENTION_PERIOD_RUNNING");
		assertThat(runningRequested.json().get("detail").asText()).contains("nicht abgeschlossen");
		assertThat(events()).isEqualTo(before);
	}

	// export

	private record Download(int status, String disposition, String contentType, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (Exception ex) {
				throw new AssertionError(this.body, ex);
			}
		}

	}

	private Download download(String user, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Download(response.statusCode(), response.headers().firstValue("Content-Disposition").orElse(null),
				response.headers().firstValue("Content-Type").orElse(null), response.body());
	}

	private void mail(String partnership, String to, String subject) {
		this.jdbc.update("""
				INSERT INTO mail_outbox (partnership_id, recipient, subject, body, created_at, sent_at, next_attempt_at)
				VALUES (?, ?, ?, 'Text', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", partnership, to,
				subject);
	}

	private static List<String> applicationIds(JsonNode export) {
		List<String> ids = new ArrayList<>();
		export.get("applications").forEach(application -> ids.add(application.get("id").asText()));
		return ids;
	}

	@Test
	void an_applicant_downloads_everything_held_about_them_and_nothing_of_others() throws Exception {
		String applicant = this.accounts.create(Role.APPLICANT);
		String email = this.accounts.verifyEmail(applicant);
		String own = this.applications.submitted(applicant,
				Drafts.complete(this.fund, this.year).replace("erika@example.org", email));
		String other = this.applications.submitted("applicant1", Drafts.complete(this.fund, this.year));
		String organisation = Api
			.created(
					this.api.post(applicant, "/api/organisations",
							"{\"name\":\"Verein " + applicant
									+ "\",\"legalForm\":\"REGISTERED_ASSOCIATION\",\"email\":\"" + email + "\"}"))
			.get("id")
			.asText();

		Download download = download(applicant, "/api/me/data");

		assertThat(download.status()).as(download.body()).isEqualTo(200);
		assertThat(download.disposition()).startsWith("attachment").contains(".json");
		assertThat(download.contentType()).startsWith("application/json");
		assertThat(download.body()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
		JsonNode export = download.json();
		assertThat(export.get("subject").asText()).isEqualTo(email);
		assertThat(export.get("account").get("username").asText()).isEqualTo(applicant);
		assertThat(export.get("account").get("email").asText()).isEqualTo(email);
		assertThat(applicationIds(export)).containsExactly(own).doesNotContain(other);
		List<String> organisations = new ArrayList<>();
		export.get("organisations").forEach(o -> organisations.add(o.get("id").asText()));
		// also the organisation the application was filed for (made at the submission)
		assertThat(organisations).contains(organisation);
		JsonNode application = export.get("applications").get(0);
		assertThat(application.get("as").asText()).isEqualTo("OWNER");
		assertThat(application.get("content").get("applicant").get("contactName").asText()).isEqualTo("Erika Muster");
		assertThat(application.get("history")).isNotEmpty();
		await(() -> {
			JsonNode again = download(applicant, "/api/me/data").json();
			JsonNode versions = again.get("applications").get(0).get("versions");
			assertThat(versions).hasSize(1);
			assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
			assertThat(versions.get(0).get("content").get("applicant").get("email").asText()).isEqualTo(email);
			assertThat(again.get("auditEvents")).isNotEmpty();
			again.get("auditEvents")
				.forEach(event -> assertThat(event.get("applicationId").asText()).isNotEqualTo(other));
		});
	}

	@Test
	void staff_export_by_address_including_the_applications_naming_it_as_contact_and_other_partnerships_get_nothing()
			throws Exception {
		String contact = "kontakt-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String id = this.applications.submitted("applicant1",
				Drafts.complete(this.fund, this.year).replace("erika@example.org", contact));

		Download staff = download("staff", "/api/privacy/export?email=" + contact.toUpperCase());

		assertThat(staff.status()).as(staff.body()).isEqualTo(200);
		assertThat(staff.disposition()).startsWith("attachment");
		JsonNode export = staff.json();
		assertThat(export.get("account").isNull()).isTrue();
		assertThat(applicationIds(export)).containsExactly(id);
		JsonNode application = export.get("applications").get(0);
		assertThat(application.get("as").asText()).isEqualTo("CONTACT");
		assertThat(application.get("applicant").get("email").asText()).isEqualTo(contact);
		// the rest of applicant1's application is not the contact's
		assertThat(application.has("content")).isFalse();
		assertThat(application.has("history")).isFalse();

		PartnershipId partnership = new PartnershipId("privacy-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "Partnerschaft " + partnership));
		String foreign = this.accounts.create(Role.STAFF, partnership);
		// a mail of each partnership to the address: each export lists its own only
		mail("kreis-mettmann", contact.toUpperCase(), "Ihr Antrag ist eingegangen");
		mail(partnership.value(), contact, "Andere Partnerschaft");
		JsonNode mails = download("staff", "/api/privacy/export?email=" + contact).json().get("mails");
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).get("subject").asText()).isEqualTo("Ihr Antrag ist eingegangen");
		JsonNode nothing = download(foreign, "/api/privacy/export?email=" + contact).json();
		assertThat(nothing.get("applications")).isEmpty();
		assertThat(nothing.get("auditEvents")).isEmpty();
		assertThat(nothing.get("mails")).hasSize(1);
		assertThat(nothing.get("mails").get(0).get("subject").asText()).isEqualTo("Andere Partnerschaft");
		assertThat(nothing.get("account").isNull()).isTrue();
		assertThat(nothing.get("partnershipId").asText()).isEqualTo(partnership.value());
	}

	@Test
	void only_staff_export_others_and_the_address_must_be_one() {
		String member = this.accounts.create(Role.MEMBER);
		assertProblem(this.api.get("applicant1", "/api/privacy/export?email=erika@example.org"), 403, null);
		assertProblem(this.api.get("auditor", "/api/privacy/export?email=erika@example.org"), 403, null);
		assertProblem(this.api.get(member, "/api/privacy/export?email=erika@example.org"), 403, null);
		for (String bad : new String[] { "", "keine-adresse", "a@b@c" }) {
			Api.Response refused = this.api.get("staff", "/api/privacy/export?email=" + bad);
			assertProblem(refused, 400, "email");
			assertCode(refused, 400, "INVALID_INPUT");
			assertThat(refused.json().get("detail").asText()).contains("E-Mail-Adresse");
		}
		assertProblem(this.api.get(null, "/api/me/data"), 401, null);
	}

	@Test
	void the_privacy_endpoints_are_documented() {
		JsonNode paths = ok(this.api.get(null, "/v3/api-docs")).get("paths");
		assertThat(paths.has(DUE)).isTrue();
		assertThat(paths.get(ERASURES).has("post")).isTrue();
		assertThat(paths.get(ERASURES).has("get")).isTrue();
		assertThat(paths.has("/api/privacy/export")).isTrue();
		assertThat(paths.has("/api/me/data")).isTrue();
	}

	private interface Check {

		void run() throws Exception;

	}

	private static void await(Check check) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(check::run);
	}

}
