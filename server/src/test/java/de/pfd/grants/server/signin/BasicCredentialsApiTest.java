package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.PasswordChanged;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * HTTP Basic stays, without a full password hash per request: the first request checks
 * the password against its BCrypt hash, the next ones with the same credentials do not
 * (counted by the metric {@code grants.sign-in.password.checks}); a password change
 * forgets the checked password at once. An unknown account costs a check too and reads
 * like a wrong password.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BasicCredentialsApiTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MeterRegistry meters;

	private TestAccounts accounts;

	@BeforeEach
	void accounts() {
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
	}

	private double checks() {
		return this.meters.counter("grants.sign-in.password.checks").count();
	}

	@Test
	void only_the_first_request_with_the_same_credentials_checks_the_password_hash() {
		String user = this.accounts.create("lang-und-geheim");
		double before = checks();
		assertThat(this.api.get(user + ":lang-und-geheim", Api.FUNDS).status()).isEqualTo(200);
		assertThat(checks()).as("the first request checks the hash").isEqualTo(before + 1);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.get(user + ":lang-und-geheim", Api.FUNDS).status()).isEqualTo(200);
		}
		assertThat(checks()).as("the next ones do not").isEqualTo(before + 1);
		// a wrong password is never taken from what was remembered
		assertThat(this.api.get(user + ":lang-und-geheiM", Api.FUNDS).status()).isEqualTo(401);
		assertThat(checks()).isEqualTo(before + 2);
	}

	@Test
	void after_a_password_change_the_old_password_fails_at_once() {
		String user = this.accounts.create("altes-passwort");
		assertThat(this.api.get(user + ":altes-passwort", Api.FUNDS).status()).isEqualTo(200);

		this.accounts.setPassword(user, "neues-passwort");
		// until the change is announced the remembered check stands (for at most the TTL)
		assertThat(this.api.get(user + ":altes-passwort", Api.FUNDS).status()).isEqualTo(200);
		this.events.publishEvent(new PasswordChanged(user));

		assertThat(this.api.get(user + ":altes-passwort", Api.FUNDS).status()).isEqualTo(401);
		assertThat(this.api.get(user + ":neues-passwort", Api.FUNDS).status()).isEqualTo(200);
	}

	@Test
	void a_password_change_also_forgets_the_password_checked_with_the_e_mail_address() {
		String user = this.accounts.create("altes-passwort");
		String email = this.accounts.verifyEmail(user);
		assertThat(this.api.get(email + ":altes-passwort", Api.FUNDS).status()).isEqualTo(200);
		double before = checks();
		assertThat(this.api.get(email + ":altes-passwort", Api.FUNDS).status()).isEqualTo(200);
		assertThat(checks()).as("remembered under the address").isEqualTo(before);

		this.accounts.setPassword(user, "neues-passwort");
		this.events.publishEvent(new PasswordChanged(user));

		assertThat(this.api.get(email + ":altes-passwort", Api.FUNDS).status()).isEqualTo(401);
		assertThat(this.api.get(email + ":neues-passwort", Api.FUNDS).status()).isEqualTo(200);
	}

	@Test
	void an_unknown_account_costs_a_hash_check_and_is_answered_like_a_wrong_password() {
		String user = this.accounts.create("bekannt-1234");
		double before = checks();
		Api.Response unknown = this.api.get("niemand-" + user + ":bekannt-1234", Api.FUNDS);
		Api.Response wrong = this.api.get(user + ":falsch-1234", Api.FUNDS);
		assertThat(checks()).isEqualTo(before + 2);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.body()).isEqualTo(wrong.body());
		assertThat(unknown.contentType()).isEqualTo(wrong.contentType());
	}

	@Test
	void a_disabled_account_is_refused_like_a_wrong_password() {
		String user = this.accounts.create("gesperrt-1234");
		this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", user);
		Api.Response refused = this.api.get(user + ":gesperrt-1234", Api.FUNDS);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(this.api.get(user + ":falsch", Api.FUNDS).body());
	}

}
