package de.pfd.grants.server.privacy;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Crypto-shredding on PostgreSQL (ADR 0012): personal texts are stored encrypted, an
 * erasure deletes the grant file's key, and afterwards no byte of the applicant's name,
 * e-mail or address is readable in any table, while the money stays exact, also after a
 * replay of every projection.
 */
// a context of its own: its years (the default context has given out nearly all) and a
// store that no test edits behind the chain's back (the erasure test verifies the whole
// history)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "grants.test.context=privacy")
class PersonalDataErasureApiTest extends ApiTestSupport {

	/** The person's texts, new in each test (one context holds every test's events). */
	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String name = "Zora Löschprobe " + this.tag;

	private final String email = "zora." + this.tag + "@example.org";

	private final String address = "Tilgungsweg " + this.tag + ", 40822 Mettmann";

	private final String withdrawal = "Zora Löschprobe zieht privat um " + this.tag;

	/**
	 * The projections a replay rebuilds (the processes and the mails are no read models).
	 */
	private static final List<String> PROJECTIONS = List.of("fund-budget", "applications", "partnerships",
			"decision-bodies", "organisations", "audit-trail");

	@Autowired
	PersonalDataErasure erasure;

	@Autowired
	AccountStore accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	ProjectionSync projections;

	@Test
	void personal_texts_are_stored_encrypted_and_read_plain() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.submitted("applicant1", personal(fund, year));

		String stored = payloads(id);
		assertThat(stored).contains("\"pd1:application:" + id + ":")
			.doesNotContain(email)
			.doesNotContain(name)
			.doesNotContain(address);
		JsonNode applicant = this.applications.get("staff", id).get("applicant");
		assertThat(applicant.get("contactName").asText()).isEqualTo(name);
		assertThat(applicant.get("email").asText()).isEqualTo(email);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM subject_key WHERE subject = ? AND secret IS NOT NULL AND erased_at IS NULL",
				Long.class, "application:" + id))
			.isEqualTo(1L);
	}

	@Test
	void an_erasure_leaves_no_readable_byte_of_the_person_and_keeps_every_money_figure_also_after_a_replay() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.grants.confirmed("applicant1", personal(fund, year), "900.00", "ZB-" + year);
		this.grants.payOut("applicant1", id, "600.00");
		String document = Api
			.created(this.api.postFile("applicant1",
					Api.application(id) + "/documents?kind=SIGNED_NOTICE&fileName=" + this.tag + ".pdf",
					"application/pdf", ("%PDF-1.4\n% " + this.name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))
			.get("id")
			.asText();
		String withdrawn = this.applications.draft("applicant1", personal(fund, year));
		ok(this.api.post("applicant1", Api.withdrawal(withdrawn), "{\"reason\":\"" + withdrawal + "\"}"));
		this.projections.awaitProjections();
		List<String> fundBefore = money(this.funds.get("staff", fund));
		List<String> grantBefore = grantMoney(this.applications.get("staff", id));
		// the read models hold the plain texts until the erasure (the scan can find them)
		assertThat(tablesHolding(email)).contains("application_view.content_json")
			.noneMatch(column -> column.startsWith("domain_event_entry."));

		// the history as it stood before the erasure, proven by its head (ADR 0011)
		JsonNode before = ok(this.api.get("auditor", "/api/audit/verification"));
		assertThat(before.get("valid").asBoolean()).as(before.toString()).isTrue();
		List<String> chainBefore = this.jdbc.queryForList(
				"SELECT hash FROM event_chain WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class,
				id);

		PersonalDataErasure.Erased erased = this.erasure.eraseApplication(staff(), new ApplicationId(id),
				"Aufbewahrungsfrist abgelaufen");
		this.erasure.eraseApplication(staff(), new ApplicationId(withdrawn), "Auf Antrag der Person (Art. 17)");
		this.projections.awaitProjections();

		assertThat(erased.subject()).isEqualTo("application:" + id);
		assertThat(this.api.get("applicant1", Api.application(id) + "/documents/" + document).status()).isEqualTo(404);
		assertThat(ok(this.api.get("staff", Api.application(id) + "/documents")).toString()).doesNotContain(this.tag)
			.contains(PersonalData.ERASED);
		assertThat(erased.by()).isEqualTo("staff");
		assertNothingReadable();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM subject_key WHERE subject = ? AND secret IS NULL AND erased_at IS NOT NULL",
				Long.class, "application:" + id))
			.isEqualTo(1L);
		assertErased(id);
		assertThat(money(this.funds.get("staff", fund))).isEqualTo(fundBefore);
		assertThat(grantMoney(this.applications.get("staff", id))).isEqualTo(grantBefore);
		assertThat(this.applications.get("staff", withdrawn).get("history").toString()).doesNotContain(withdrawal);
		// the audit trail shows the erasure as an event, and the erased texts as erased
		JsonNode audit = ok(this.api.get("staff", "/api/audit/events?applicationId=" + id + "&size=200"));
		assertThat(audit.toString()).contains("PersonalDataErased").contains(PersonalData.ERASED).doesNotContain(email);
		JsonNode erasure = null;
		for (JsonNode event : audit.get("events")) {
			if (event.get("type").asText().equals("PersonalDataErased")) {
				erasure = event;
			}
		}
		assertThat(erasure).as(audit.toString()).isNotNull();
		assertThat(erasure.get("summaryDe").asText())
			.isEqualTo("Personenbezogene Daten gelöscht (Art. 17 DSGVO): Aufbewahrungsfrist abgelaufen");
		assertThat(erasure.get("summaryEn").asText())
			.isEqualTo("Personal data erased (Art. 17 GDPR): Aufbewahrungsfrist abgelaufen");
		// an erased text reads "gelöscht" in a German sentence, "erased" in an English
		// one
		JsonNode withdrawnEvent = null;
		for (JsonNode event : ok(this.api.get("staff", "/api/audit/events?applicationId=" + withdrawn + "&size=200"))
			.get("events")) {
			if (event.get("type").asText().equals("ApplicationWithdrawn")) {
				withdrawnEvent = event;
			}
		}
		assertThat(withdrawnEvent).isNotNull();
		assertThat(withdrawnEvent.get("summaryDe").asText()).isEqualTo("Antrag zurückgezogen: gelöscht");
		assertThat(withdrawnEvent.get("summaryEn").asText()).endsWith(": erased");

		// erasure shreds a key, never an event: the stored history verifies, its head up
		// to
		// the erasure is the same, the file's chain only grew by the erasure's event
		JsonNode after = ok(this.api.get("auditor", "/api/audit/verification"));
		assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
		assertThat(ok(this.api.get("auditor", "/api/audit/verification?upTo=" + before.get("position").asLong()))
			.get("head")
			.asText()).isEqualTo(before.get("head").asText());
		List<String> chainAfter = this.jdbc.queryForList(
				"SELECT hash FROM event_chain WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class,
				id);
		assertThat(chainAfter).hasSize(chainBefore.size() + 1).startsWith(chainBefore.toArray(String[]::new));

		replayEveryProjection();

		assertNothingReadable();
		assertErased(id);
		assertThat(money(this.funds.get("staff", fund))).isEqualTo(fundBefore);
		assertThat(grantMoney(this.applications.get("staff", id))).isEqualTo(grantBefore);
		assertThat(this.applications.get("staff", withdrawn).get("history").toString()).doesNotContain(withdrawal)
			.contains(PersonalData.ERASED);
	}

	@Test
	void a_second_erasure_is_refused_as_a_conflict_and_events_after_it_store_erased() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.draft("applicant1", personal(fund, year));
		this.erasure.eraseApplication(staff(), new ApplicationId(id), "Auf Antrag");

		assertThat(violation(() -> this.erasure.eraseApplication(staff(), new ApplicationId(id), "noch einmal")))
			.extracting(RuleViolation::code)
			.isEqualTo(ErrorCode.ALREADY_ERASED);
		// the erased draft is closed to changes and submission (it would be filed under
		// nobody's name); a later event with a personal text stores it as erased and
		// makes
		// no new key
		Api.assertCode(this.api.put("applicant1", Api.application(id), personal(fund, year)), 409, "ALREADY_ERASED");
		Api.assertCode(this.api.post("applicant1", Api.application(id) + "/submission", null), 409, "ALREADY_ERASED");
		ok(this.api.post("applicant1", Api.withdrawal(id), "{\"reason\":\"" + name + " zieht zurück\"}"));
		assertThat(payloads(id)).doesNotContain(email).doesNotContain(name);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subject_key WHERE subject = ?", Long.class,
				"application:" + id))
			.isEqualTo(1L);
		assertThat(this.applications.get("staff", id).get("applicant").get("email").asText())
			.isEqualTo(PersonalData.ERASED);
	}

	@Test
	void the_reason_is_required_and_at_most_500_characters() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.draft("applicant1", personal(fund, year));

		for (String reason : new String[] { null, "  ", "x".repeat(501) }) {
			RuleViolation refused = violation(
					() -> this.erasure.eraseApplication(staff(), new ApplicationId(id), reason));
			assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
			assertThat(refused.fields()).extracting(RuleViolation.FieldViolation::field).containsExactly("reason");
			assertThat(refused.message()).contains("Grund");
		}
		this.erasure.eraseApplication(staff(), new ApplicationId(id), "x".repeat(500));
		assertErased(id);
	}

	@Test
	void only_staff_of_the_applications_partnership_may_erase() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.submitted("applicant1", personal(fund, year));
		TestAccounts others = new TestAccounts(this.accounts, this.passwords, this.jdbc);
		ApplicationId application = new ApplicationId(id);

		for (String refused : List.of("applicant1", "board1", "auditor")) {
			assertThatThrownBy(() -> this.erasure.eraseApplication(user(refused), application, "Grund")).as(refused)
				.isInstanceOf(AccessDeniedException.class);
		}
		String elsewhere = others.create(Role.STAFF, new PartnershipId("anderswo"));
		assertThatThrownBy(() -> this.erasure.eraseApplication(user(elsewhere), application, "Grund"))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.erasure.eraseApplication(staff(),
				new ApplicationId("00000000-0000-0000-0000-000000000000"), "Grund"))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThat(this.applications.get("staff", id).get("applicant").get("email").asText()).isEqualTo(email);
	}

	private String personal(String fund, int year) {
		return Drafts.complete(fund, year)
			.replace("Erika Muster", name)
			.replace("erika@example.org", email)
			.replace("Markt 1, 40822 Mettmann", address);
	}

	private GrantsUser staff() {
		return user("staff");
	}

	private GrantsUser user(String username) {
		return this.accounts.byUsername(username).orElseThrow();
	}

	private static RuleViolation violation(Runnable erasure) {
		try {
			erasure.run();
		}
		catch (CommandExecutionException ex) {
			return ex.getDetails().map(RuleViolation.class::cast).orElseThrow();
		}
		throw new AssertionError("not refused");
	}

	/** The stored payloads of the application's events, as text. */
	private String payloads(String id) {
		return String.join("\n", this.jdbc.query(
				"SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
				(rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), id));
	}

	private void assertErased(String id) {
		JsonNode applicant = this.applications.get("staff", id).get("applicant");
		assertThat(applicant.get("contactName").asText()).isEqualTo(PersonalData.ERASED);
		assertThat(applicant.get("email").asText()).isEqualTo(PersonalData.ERASED);
		assertThat(applicant.get("address").asText()).isEqualTo(PersonalData.ERASED);
	}

	private void assertNothingReadable() {
		for (String needle : List.of(this.tag, email, name, address, withdrawal)) {
			assertThat(tablesHolding(needle)).as(needle).isEmpty();
		}
	}

	/** Every table column (text or bytes) of the schema holding the text. */
	private List<String> tablesHolding(String text) {
		List<Map<String, Object>> columns = this.jdbc.queryForList("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = current_schema()
				  AND data_type IN ('text', 'character varying', 'bytea', 'json', 'jsonb')""");
		List<String> holding = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			String condition = "bytea".equals(column.get("data_type"))
					? "position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
					: "CAST(\"" + name + "\" AS TEXT) LIKE '%' || ? || '%'";
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\" WHERE " + condition,
					Long.class, text);
			if (count != null && count > 0) {
				holding.add(table + "." + name);
			}
		}
		return holding;
	}

	/** The grant's money figures and its payments. */
	private static List<String> grantMoney(JsonNode application) {
		JsonNode grant = application.get("grant");
		List<String> figures = new ArrayList<>(List.of("approvedAmount", "requestedPayouts", "paid", "refunded")
			.stream()
			.map(field -> field + "=" + grant.get(field).decimalValue().toPlainString())
			.toList());
		grant.get("payments")
			.forEach(payment -> figures.add(payment.get("kind").asText() + " " + payment.get("id").asText() + "="
					+ payment.get("amount").decimalValue().toPlainString()));
		return figures;
	}

	/** The fund's money figures. */
	private static List<String> money(JsonNode fund) {
		return List.of("budget", "reserved", "paid", "released", "refunded", "available")
			.stream()
			.map(field -> field + "=" + fund.get(field).decimalValue().toPlainString())
			.toList();
	}

	private void replayEveryProjection() {
		List<StreamingEventProcessor> processors = PROJECTIONS.stream()
			.map(name -> this.processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
			.toList();
		processors.forEach(StreamingEventProcessor::shutDown);
		try {
			processors.forEach(StreamingEventProcessor::resetTokens);
		}
		finally {
			processors.forEach(StreamingEventProcessor::start);
		}
		this.projections.awaitProjections();
	}

}
