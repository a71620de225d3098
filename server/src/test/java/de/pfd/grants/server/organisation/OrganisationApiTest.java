package de.pfd.grants.server.organisation;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * Organisations over real HTTP: who sees which, registering one (staff, or an applicant
 * for themself, also as a private person), filing applications for one by id (the only
 * one by default; several or a foreign one refused naming {@code organisationId}), and
 * merging duplicates. Tests that give an account further organisations use accounts of
 * their own, so the demo applicants keep exactly one each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationApiTest extends ApiTestSupport {

	static final String ORGANISATIONS = "/api/organisations";

	static final String KULTURVEREIN = "demo-kulturverein-mettmann";

	static final String VIELFALT = "demo-initiative-vielfalt-hilden";

	static final String JUGENDTREFF = "demo-jugendtreff-erkrath";

	@Autowired
	AccountStore accounts;

	@Autowired
	PasswordEncoder passwords;

	/** A new account of the demo partnership with the password {@code demo}. */
	private String account(Role role) {
		return new TestAccounts(this.accounts, this.passwords, this.jdbc).create(role);
	}

	private static List<String> ids(JsonNode organisations) {
		List<String> ids = new ArrayList<>();
		organisations.forEach(o -> ids.add(o.get("id").asText()));
		return ids;
	}

	private static String organisation(String name, String legalForm) {
		return """
				{"name":"%s","legalForm":"%s","address":"Markt 2, 40822 Mettmann","contactName":"Erika Muster",
				 "email":"erika@example.org"}""".formatted(name, legalForm);
	}

	// reading

	@Test
	void an_applicant_lists_only_their_own_organisation_staff_and_auditors_all_of_the_partnership() {
		JsonNode own = ok(this.api.get("applicant1", ORGANISATIONS));
		assertThat(ids(own)).containsExactly(KULTURVEREIN);
		assertThat(own.get(0).get("name").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(own.get(0).get("legalForm").asText()).isEqualTo("REGISTERED_ASSOCIATION");
		assertThat(own.get(0).get("address").asText()).isEqualTo("Markt 1, 40822 Mettmann");
		assertThat(own.get(0).has("contactName")).isTrue();
		assertThat(own.get(0).has("email")).isTrue();
		assertThat(ids(ok(this.api.get("applicant2", ORGANISATIONS)))).containsExactly(VIELFALT);
		assertThat(ids(ok(this.api.get("staff", ORGANISATIONS)))).contains(KULTURVEREIN, VIELFALT, JUGENDTREFF);
		assertThat(ids(ok(this.api.get("auditor", ORGANISATIONS)))).contains(KULTURVEREIN, VIELFALT, JUGENDTREFF);
		assertThat(ok(this.api.get("applicant3", ORGANISATIONS + "/" + JUGENDTREFF)).get("name").asText())
			.isEqualTo("Jugendtreff Erkrath");
		// another applicant's organisation does not exist for them
		assertCode(this.api.get("applicant3", ORGANISATIONS + "/" + KULTURVEREIN), 404, "NOT_FOUND");
		assertCode(this.api.get("staff", ORGANISATIONS + "/no-such-organisation"), 404, "NOT_FOUND");
		assertThat(ok(this.api.get("auditor", ORGANISATIONS + "/" + KULTURVEREIN)).get("members").toString())
			.contains("applicant1");
	}

	// registering

	@Test
	void an_applicant_registers_an_organisation_and_belongs_to_it() {
		String applicant = account(Role.APPLICANT);
		assertThat(ok(this.api.get(applicant, ORGANISATIONS))).isEmpty();
		Api.Response response = this.api.post(applicant, ORGANISATIONS,
				organisation("Förderverein Schule Wülfrath", "REGISTERED_ASSOCIATION"));
		JsonNode registered = created(response);
		String id = registered.get("id").asText();
		assertThat(response.location()).isEqualTo("/api/organisations/" + id);
		assertThat(registered.get("name").asText()).isEqualTo("Förderverein Schule Wülfrath");
		assertThat(registered.get("contactName").asText()).isEqualTo("Erika Muster");
		assertThat(ids(ok(this.api.get(applicant, ORGANISATIONS)))).containsExactly(id);
		assertThat(ids(ok(this.api.get("applicant1", ORGANISATIONS)))).doesNotContain(id);
		// a retried request with its Idempotency-Key registers nothing twice
		String body = organisation("Kinderchor Monheim", "INITIATIVE");
		String again = created(this.api.post(applicant, ORGANISATIONS, body, "chor-1")).get("id").asText();
		assertThat(created(this.api.post(applicant, ORGANISATIONS, body, "chor-1")).get("id").asText())
			.isEqualTo(again);
		assertThat(ids(ok(this.api.get(applicant, ORGANISATIONS)))).containsExactlyInAnyOrder(id, again);
		assertThat(ids(ok(this.api.get("staff", ORGANISATIONS)))).contains(id);
	}

	@Test
	void a_private_person_applies_as_themself_named_after_the_account() {
		String applicant = account(Role.APPLICANT);
		JsonNode person = created(this.api.post(applicant, ORGANISATIONS, "{\"legalForm\":\"PRIVATE_PERSON\"}"));
		assertThat(person.get("name").asText()).isEqualTo("Testperson " + applicant);
		assertThat(person.get("legalForm").asText()).isEqualTo("PRIVATE_PERSON");
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		JsonNode application = created(this.api.post(applicant, Api.APPLICATIONS,
				Drafts.complete(fund, year).replace("REGISTERED_ASSOCIATION", "PRIVATE_PERSON")));
		assertThat(application.get("organisationId").asText()).isEqualTo(person.get("id").asText());
		assertThat(application.get("organisationName").asText()).isEqualTo("Testperson " + applicant);
	}

	@Test
	void staff_register_organisations_and_link_accounts_others_may_not() {
		String applicant = account(Role.APPLICANT);
		JsonNode registered = created(
				this.api.post("staff", ORGANISATIONS, organisation("Stadtteilbüro Velbert", "PUBLIC_INSTITUTION")));
		String id = registered.get("id").asText();
		// staff do not belong to what they register
		assertThat(registered.get("members")).isEmpty();
		JsonNode linked = ok(
				this.api.post("staff", ORGANISATIONS + "/" + id + "/members", "{\"username\":\"" + applicant + "\"}"));
		assertThat(linked.get("members").toString()).contains(applicant);
		assertThat(ids(ok(this.api.get(applicant, ORGANISATIONS)))).containsExactly(id);

		long events = events();
		assertProblem(this.api.post("staff", ORGANISATIONS, "{\"name\":\"Ohne Rechtsform\"}"), 400, "legalForm");
		assertProblem(this.api.post("staff", ORGANISATIONS, "{\"legalForm\":\"INITIATIVE\"}"), 400, "name");
		assertProblem(this.api.post("staff", ORGANISATIONS, "{\"name\":\"X\",\"legalForm\":\"CLUB\"}"), 400,
				"legalForm");
		assertProblem(this.api.post("staff", ORGANISATIONS + "/" + id + "/members", "{\"username\":\"nobody\"}"), 400,
				"username");
		assertProblem(this.api.post("board1", ORGANISATIONS, organisation("Beirat", "INITIATIVE")), 403, null);
		assertProblem(this.api.post("auditor", ORGANISATIONS, organisation("Beirat", "INITIATIVE")), 403, null);
		assertProblem(
				this.api.post(applicant, ORGANISATIONS + "/" + id + "/members", "{\"username\":\"" + applicant + "\"}"),
				403, null);
		assertThat(events()).isEqualTo(events);
	}

	// applying

	@Test
	void an_application_without_organisationId_is_filed_for_the_applicant_s_only_organisation() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// the name typed does not matter: the organisation's own is shown
		JsonNode application = this.applications.create("applicant1",
				Drafts.byOrganisation(Drafts.complete(fund, year), "Kulturverein Mettmann eV"));
		assertThat(application.get("organisationId").asText()).isEqualTo(KULTURVEREIN);
		assertThat(application.get("organisationName").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(application.get("applicant").get("organisation").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		// applying under another body's name does not make it theirs
		JsonNode other = this.applications.create("applicant3", Drafts.complete(fund, year));
		assertThat(other.get("organisationId").asText()).isEqualTo(JUGENDTREFF);
		assertThat(other.get("organisationName").asText()).isEqualTo("Jugendtreff Erkrath");
		JsonNode listed = null;
		for (JsonNode summary : ok(this.api.get("applicant3", Api.APPLICATIONS + "?fundId=" + fund))) {
			listed = summary;
		}
		assertThat(listed.get("organisation").asText()).isEqualTo("Jugendtreff Erkrath");
		assertThat(listed.get("organisationId").asText()).isEqualTo(JUGENDTREFF);
	}

	@Test
	void an_organisation_the_applicant_does_not_belong_to_is_refused_naming_organisationId() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String body = Drafts.complete(fund, year);
		long events = events();
		assertProblem(this.api.post("applicant1", Api.APPLICATIONS, withOrganisation(body, VIELFALT)), 400,
				"organisationId");
		assertProblem(this.api.post("applicant1", Api.APPLICATIONS, withOrganisation(body, "no-such-organisation")),
				400, "organisationId");
		assertThat(events()).isEqualTo(events);
		// the own one named explicitly
		assertThat(created(this.api.post("applicant1", Api.APPLICATIONS, withOrganisation(body, KULTURVEREIN)))
			.get("organisationId")
			.asText()).isEqualTo(KULTURVEREIN);
	}

	@Test
	void an_applicant_of_several_organisations_must_name_one() {
		String applicant = account(Role.APPLICANT);
		String first = created(this.api.post(applicant, ORGANISATIONS, organisation("Verein A", "INITIATIVE")))
			.get("id")
			.asText();
		String second = created(this.api.post(applicant, ORGANISATIONS, organisation("Verein B", "INITIATIVE")))
			.get("id")
			.asText();
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String body = Drafts.complete(fund, year);
		long events = events();
		assertProblem(this.api.post(applicant, Api.APPLICATIONS, body), 400, "organisationId");
		assertThat(events()).isEqualTo(events);
		JsonNode filed = created(this.api.post(applicant, Api.APPLICATIONS, withOrganisation(body, second)));
		assertThat(filed.get("organisationId").asText()).isEqualTo(second);
		assertThat(filed.get("organisationName").asText()).isEqualTo("Verein B");
		assertThat(first).isNotEqualTo(second);
		// the organisation of an application is fixed
		assertProblem(this.api.put(applicant, Api.application(filed.get("id").asText()), withOrganisation(body, first)),
				400, "organisationId");
	}

	@Test
	void the_first_application_of_a_new_applicant_registers_the_organisation_it_names() {
		String applicant = account(Role.APPLICANT);
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// without an organisation and without naming one: refused, nothing stored
		long events = events();
		assertProblem(this.api.post(applicant, Api.APPLICATIONS, "{\"fundId\":\"" + fund + "\"}"), 400,
				"organisationId");
		// an application that cannot be filed registers no organisation
		assertProblem(this.api.post(applicant, Api.APPLICATIONS, Drafts.complete("no-such-fund", year)), 400, "fundId");
		assertThat(ok(this.api.get(applicant, ORGANISATIONS))).isEmpty();
		assertThat(events()).isEqualTo(events);

		JsonNode application = created(this.api.post(applicant, Api.APPLICATIONS,
				Drafts.byOrganisation(Drafts.complete(fund, year), "Nachbarschaftshilfe Haan")));
		JsonNode own = ok(this.api.get(applicant, ORGANISATIONS));
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("name").asText()).isEqualTo("Nachbarschaftshilfe Haan");
		assertThat(own.get(0).get("legalForm").asText()).isEqualTo("REGISTERED_ASSOCIATION");
		assertThat(own.get(0).get("address").asText()).isEqualTo("Markt 1, 40822 Mettmann");
		assertThat(application.get("organisationId").asText()).isEqualTo(own.get(0).get("id").asText());
		// the next one is filed for it without asking
		assertThat(
				created(this.api.post(applicant, Api.APPLICATIONS, Drafts.complete(fund, year))).get("organisationName")
					.asText())
			.isEqualTo("Nachbarschaftshilfe Haan");
	}

	// merging

	@Test
	void staff_merge_a_duplicate_and_its_id_resolves_to_the_survivor() {
		String applicant = account(Role.APPLICANT);
		String duplicate = created(
				this.api.post(applicant, ORGANISATIONS, organisation("Kulturverein Mettmann eV", "INITIATIVE")))
			.get("id")
			.asText();
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.draft(applicant, Drafts.complete(fund, year));

		long events = events();
		assertProblem(this.api.post(applicant, ORGANISATIONS + "/" + duplicate + "/merge",
				"{\"into\":\"" + KULTURVEREIN + "\"}"), 403, null);
		assertProblem(
				this.api.post("staff", ORGANISATIONS + "/" + duplicate + "/merge", "{\"into\":\"" + duplicate + "\"}"),
				400, "into");
		assertProblem(this.api.post("staff", ORGANISATIONS + "/" + duplicate + "/merge",
				"{\"into\":\"no-such-organisation\"}"), 400, "into");
		assertProblem(this.api.post("staff", ORGANISATIONS + "/" + duplicate + "/merge", "{}"), 400, "into");
		assertThat(events()).isEqualTo(events);

		JsonNode survivor = ok(this.api.post("staff", ORGANISATIONS + "/" + duplicate + "/merge",
				"{\"into\":\"" + KULTURVEREIN + "\"}"));

		assertThat(survivor.get("id").asText()).isEqualTo(KULTURVEREIN);
		assertThat(survivor.get("mergedIds").toString()).contains(duplicate);
		assertThat(survivor.get("members").toString()).contains(applicant, "applicant1");
		// the history keeps both ids: the duplicate still reads, naming its survivor
		JsonNode merged = ok(this.api.get("staff", ORGANISATIONS + "/" + duplicate));
		assertThat(merged.get("mergedInto").asText()).isEqualTo(KULTURVEREIN);
		assertThat(merged.get("name").asText()).isEqualTo("Kulturverein Mettmann eV");
		// listing and membership resolve to the survivor
		assertThat(ids(ok(this.api.get(applicant, ORGANISATIONS)))).containsExactly(KULTURVEREIN);
		assertThat(ids(ok(this.api.get("staff", ORGANISATIONS)))).contains(KULTURVEREIN).doesNotContain(duplicate);
		JsonNode application = this.applications.get(applicant, id);
		assertThat(application.get("organisationId").asText()).isEqualTo(KULTURVEREIN);
		assertThat(application.get("organisationName").asText()).isEqualTo("Kulturverein Mettmann e.V.");
		// the applicant's next application is filed for the survivor
		assertThat(
				created(this.api.post(applicant, Api.APPLICATIONS, Drafts.complete(fund, year))).get("organisationId")
					.asText())
			.isEqualTo(KULTURVEREIN);
		// merged once is merged: a second merge of it is a conflict
		assertCode(this.api.post("staff", ORGANISATIONS + "/" + duplicate + "/merge",
				"{\"into\":\"" + JUGENDTREFF + "\"}"), 409, "CONFLICT");
	}

	static String withOrganisation(String body, String organisationId) {
		return body.replaceFirst("\\{", "{\"organisationId\":\"" + organisationId + "\",");
	}

}
