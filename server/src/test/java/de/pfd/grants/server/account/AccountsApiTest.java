package de.pfd.grants.server.account;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * Accounts over their life, over HTTP: registration with a confirmed address, password
 * reset, invitation by an administrator, change of address; and the mails in the outbox
 * that carry the one-time links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsApiTest extends ApiTestSupport {

	static final String PASSWORD = "Lindenblatt-Herbst-77";

	static final String OTHER_PASSWORD = "Kastanienallee-Regen-18";

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

	@Test
	void an_applicant_registers_confirms_the_address_and_then_signs_in_with_it() {
		String email = unique("Neu") + "@Example.org";
		String address = email.toLowerCase();
		assertThat(register(email, PASSWORD, "Neue Antragstellerin").status()).isEqualTo(202);

		// not before the link is followed
		assertThat(this.api.get(address + ":" + PASSWORD, "/api/account").status()).isEqualTo(401);
		String token = tokenIn(lastMailTo(address));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_token WHERE token_hash = ?", Integer.class,
				token))
			.as("only a hash of the secret is stored")
			.isZero();
		assertThat(this.api.post(null, "/api/registrations/confirmation", "{\"token\":\"" + token + "\"}").status())
			.isEqualTo(200);
		JsonNode me = ok(this.api.get(address + ":" + PASSWORD, "/api/account"));
		assertThat(me.get("email").asText()).isEqualTo(address);
		assertThat(me.get("role").asText()).isEqualTo("APPLICANT");
		assertThat(me.get("displayName").asText()).isEqualTo("Neue Antragstellerin");
		assertThat(me.get("username").asText()).as("a stable id without personal data").doesNotContain("@");

		// a link works once
		assertProblem(this.api.post(null, "/api/registrations/confirmation", "{\"token\":\"" + token + "\"}"), 400,
				"token");
		// the account can apply
		assertThat(this.api
			.post(address + ":" + PASSWORD, Api.APPLICATIONS, Drafts.small("kreis-mettmann-action-fund-2019", 2019))
			.status()).isEqualTo(201);

		// registering again tells the owner, answers the same, and changes nothing
		int mails = mailsTo(address);
		assertThat(register(email, OTHER_PASSWORD, "Jemand anderes").status()).isEqualTo(202);
		assertThat(mailsTo(address)).isEqualTo(mails + 1);
		assertThat(lastMailTo(address)).contains("bereits ein Konto");
		assertThat(this.api.get(address + ":" + OTHER_PASSWORD, "/api/account").status()).isEqualTo(401);
		assertThat(this.api.get(address + ":" + PASSWORD, "/api/account").status()).isEqualTo(200);
	}

	@Test
	void a_registration_with_bad_input_is_refused_naming_the_field_and_creates_nothing() {
		long accounts = accounts();
		assertProblem(register("keine-adresse", PASSWORD, "Name"), 400, "email");
		assertProblem(register(unique("a") + "@example.org", "kurz", "Name"), 400, "password");
		assertProblem(register(unique("a") + "@example.org", "password1234", "Name"), 400, "password");
		assertProblem(register(unique("a") + "@example.org", "Sommer2024!!!!", "Name"), 400, "password");
		assertProblem(register(unique("a") + "@example.org", PASSWORD, " "), 400, "displayName");
		assertProblem(
				this.api
					.post(null, "/api/registrations",
							"{\"email\":\"" + unique("b") + "@example.org\",\"password\":\"" + PASSWORD
									+ "\",\"displayName\":\"N\",\"partnershipId\":\"nirgendwo\"}"),
				400, "partnershipId");
		assertProblem(this.api.post(null, "/api/registrations", "{\"email\":\"x@example.org\",\"role\":\"STAFF\"}"),
				400, "role");
		assertThat(accounts()).isEqualTo(accounts);
	}

	@Test
	void a_forgotten_password_is_reset_with_a_one_time_link() {
		String address = registeredAndConfirmed();
		// the same answer for an address without an account, and no mail
		String nobody = unique("niemand") + "@example.org";
		assertThat(this.api.post(null, "/api/password-resets", "{\"email\":\"" + nobody + "\"}").status())
			.isEqualTo(202);
		assertThat(mailsTo(nobody)).isZero();
		assertThat(this.api.post(null, "/api/password-resets", "{\"email\":\"" + address + "\"}").status())
			.isEqualTo(202);
		String token = tokenIn(lastMailTo(address));

		// a refused password leaves the link usable
		assertProblem(this.api.post(null, "/api/password-resets/confirmation",
				"{\"token\":\"" + token + "\",\"password\":\"qwertzuiop123\"}"), 400, "password");
		assertThat(this.api
			.post(null, "/api/password-resets/confirmation",
					"{\"token\":\"" + token + "\",\"password\":\"" + OTHER_PASSWORD + "\"}")
			.status()).isEqualTo(200);
		assertThat(this.api.get(address + ":" + PASSWORD, "/api/account").status()).isEqualTo(401);
		assertThat(this.api.get(address + ":" + OTHER_PASSWORD, "/api/account").status()).isEqualTo(200);
		assertProblem(this.api.post(null, "/api/password-resets/confirmation",
				"{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}"), 400, "token");
		assertProblem(this.api.post(null, "/api/password-resets/confirmation",
				"{\"token\":\"erfunden-erfunden-erfunden\",\"password\":\"" + PASSWORD + "\"}"), 400, "token");
	}

	@Test
	void an_administrator_invites_a_member_who_sees_the_boards_applications_only_while_a_member() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant1", Drafts.complete(fund, year));

		String address = unique("mitglied") + "@example.org";
		String invitation = "{\"email\":\"" + address + "\",\"displayName\":\"Neues Mitglied\",\"role\":\"MEMBER\"}";
		assertProblem(this.api.post("auditor", "/api/accounts", invitation), 403, null);
		assertProblem(this.api.post("applicant1", "/api/accounts", invitation), 403, null);
		assertProblem(this.api.post("staff", "/api/accounts",
				"{\"email\":\"" + address + "\",\"displayName\":\"X\",\"role\":\"APPLICANT\"}"), 400, "role");
		Api.Response created = this.api.post("staff", "/api/accounts", invitation);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String username = created.json().get("username").asText();
		assertThat(created.json().get("enabled").asBoolean()).isFalse();
		assertCode(this.api.post("staff", "/api/accounts", invitation), 409, "CONFLICT");
		assertThat(ok(this.api.get("staff", "/api/accounts")).findValuesAsText("username")).contains(username);
		assertProblem(this.api.get("applicant1", "/api/accounts"), 403, null);

		String token = tokenIn(lastMailTo(address));
		assertThat(this.api
			.post(null, "/api/password-resets/confirmation",
					"{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(200);
		String member = address + ":" + PASSWORD;
		// an account of role MEMBER in no body sees nothing
		assertCode(this.api.get(member, Api.application(id)), 404, "NOT_FOUND");
		assertThat(ok(this.api.get(member, Api.AGENDA))).isEmpty();
		assertThat(ok(this.api.get(member, Api.APPLICATIONS))).isEmpty();

		String bodyId = "kreis-mettmann-steering-board";
		assertThat(this.api.post("staff", Api.members(bodyId), "{\"username\":\"" + username + "\"}").status())
			.isEqualTo(200);
		assertThat(this.api.get(member, Api.application(id)).status()).isEqualTo(200);
		assertThat(ok(this.api.get(member, Api.AGENDA)).findValuesAsText("applicationId")).contains(id);

		// removed: the rights end at once
		assertThat(this.api.delete("staff", Api.members(bodyId) + "/" + username).status()).isEqualTo(200);
		assertCode(this.api.get(member, Api.application(id)), 404, "NOT_FOUND");
		assertCode(this.api.post(member, Api.votes(id), "{\"vote\":\"YES\"}"), 404, "NOT_FOUND");
		assertThat(ok(this.api.get(member, Api.AGENDA))).isEmpty();
		assertThat(ok(this.api.get(member, Api.APPLICATIONS))).isEmpty();
	}

	@Test
	void a_new_address_counts_once_confirmed_from_the_new_mailbox() {
		String address = registeredAndConfirmed();
		String newAddress = unique("neu") + "@example.org";
		assertProblem(
				this.api.post(address + ":" + PASSWORD, "/api/account/email",
						"{\"email\":\"" + newAddress + "\",\"currentPassword\":\"falsch-falsch-falsch\"}"),
				400, "currentPassword");
		assertThat(this.api
			.post(address + ":" + PASSWORD, "/api/account/email",
					"{\"email\":\"" + newAddress + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(202);
		assertThat(lastMailTo(address)).as("the old address is told").contains("neue E-Mail-Adresse");
		// not yet
		assertThat(this.api.get(newAddress + ":" + PASSWORD, "/api/account").status()).isEqualTo(401);
		String token = tokenIn(lastMailTo(newAddress));
		assertThat(this.api.post(null, "/api/email-changes/confirmation", "{\"token\":\"" + token + "\"}").status())
			.isEqualTo(200);
		assertThat(ok(this.api.get(newAddress + ":" + PASSWORD, "/api/account")).get("email").asText())
			.isEqualTo(newAddress);
		assertThat(this.api.get(address + ":" + PASSWORD, "/api/account").status()).isEqualTo(401);
	}

	@Test
	void mails_with_links_to_one_address_are_limited_without_telling_whether_it_has_an_account() {
		String address = unique("flut") + "@example.org";
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post(null, "/api/password-resets", "{\"email\":\"" + address + "\"}").status())
				.isEqualTo(202);
		}
		Api.Response sixth = this.api.post(null, "/api/password-resets", "{\"email\":\"" + address + "\"}");
		assertCode(sixth, 429, "TOO_MANY_REQUESTS");
		assertThat(Long.parseLong(sixth.retryAfter())).isPositive();
		// the same for an address with an account: nothing queued beyond the limit
		String registered = registeredAndConfirmed();
		for (int i = 0; i < 4; i++) {
			this.api.post(null, "/api/password-resets", "{\"email\":\"" + registered + "\"}");
		}
		int mails = mailsTo(registered);
		assertCode(this.api.post(null, "/api/password-resets", "{\"email\":\"" + registered + "\"}"), 429,
				"TOO_MANY_REQUESTS");
		assertThat(mailsTo(registered)).isEqualTo(mails);
	}

	@Test
	void the_partnerships_are_listed_for_a_registration_form() {
		List<String> ids = ok(this.api.get(null, "/api/partnerships")).findValuesAsText("id");
		assertThat(ids).contains("kreis-mettmann");
	}

	// ------------------------------------------------------------------ helpers

	private String registeredAndConfirmed() {
		String address = unique("konto") + "@example.org";
		assertThat(register(address, PASSWORD, "Konto Test").status()).isEqualTo(202);
		assertThat(this.api
			.post(null, "/api/registrations/confirmation", "{\"token\":\"" + tokenIn(lastMailTo(address)) + "\"}")
			.status()).isEqualTo(200);
		return address;
	}

	private Api.Response register(String email, String password, String displayName) {
		return this.api.post(null, "/api/registrations", "{\"email\":\"" + email + "\",\"password\":\"" + password
				+ "\",\"displayName\":\"" + displayName + "\",\"partnershipId\":\"kreis-mettmann\"}");
	}

	private String lastMailTo(String address) {
		return this.jdbc.queryForObject("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
				String.class, address);
	}

	private int mailsTo(String address) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, address);
	}

	private long accounts() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
	}

	private static String tokenIn(String mail) {
		Matcher matcher = TOKEN.matcher(mail);
		assertThat(matcher.find()).as(mail).isTrue();
		return matcher.group(1);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
