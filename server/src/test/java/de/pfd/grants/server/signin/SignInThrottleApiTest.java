package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;

/**
 * Failed sign-ins are slowed down per account and per client address: after five wrong
 * passwords for an account (or thirty from one address) every sign-in is refused with 429
 * and {@code Retry-After} until the back-off ends, the right password too; the account's
 * owner gets a mail. Each test signs in from addresses of its own (the proxy header,
 * trusted from loopback), so that the counters of 127.0.0.1 stay out of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInThrottleApiTest extends ApiTestSupport {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	private TestAccounts accounts;

	private Web web;

	@BeforeEach
	void client() {
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
		this.web = new Web(this.port);
		this.web.always.put("X-Forwarded-For", address());
	}

	/** An address of the documentation ranges (RFC 5737), one per call. */
	private static String address() {
		int n = NEXT_ADDRESS.getAndIncrement();
		return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
	}

	private Web.Page basic(String user, String password) {
		return this.web.get(Api.FUNDS, "Authorization", Web.basic(user, password));
	}

	@Test
	void after_five_wrong_passwords_the_account_waits_and_even_the_right_password_is_refused() {
		String user = this.accounts.create("richtig-1234");
		String email = this.accounts.verifyEmail(user);
		for (int i = 1; i <= 5; i++) {
			assertThat(basic(user, "falsch-" + i).status()).as("failure %d", i).isEqualTo(401);
		}
		Web.Page throttled = basic(user, "falsch-6");
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		assertThat(throttled.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
		assertThat(throttled.json().get("detail").asText()).startsWith("Zu viele fehlgeschlagene Anmeldungen");

		Web.Page right = basic(user, "richtig-1234");
		assertThat(right.status()).as("the right password waits too").isEqualTo(429);
		assertThat(right.header("Retry-After")).isPresent();
		// from another address as well: the account is in back-off
		this.web.always.put("X-Forwarded-For", address());
		assertThat(basic(user, "richtig-1234").status()).isEqualTo(429);

		// the owner is told, once
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"SELECT subject FROM mail_outbox WHERE recipient = ? AND partnership_id = 'kreis-mettmann'",
					String.class, email))
				.hasSize(1)
				.allSatisfy(subject -> assertThat(subject).startsWith("Fehlgeschlagene Anmeldungen")));
		String body = this.jdbc.queryForObject("SELECT body FROM mail_outbox WHERE recipient = ?", String.class, email);
		assertThat(body).contains(user).contains("Passwort");
	}

	@Test
	void an_unknown_name_is_throttled_like_an_account_and_nobody_is_mailed() {
		// counted by subject: other tests' notifications may still arrive meanwhile
		String notices = "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Fehlgeschlagene Anmeldungen%'";
		long mails = this.jdbc.queryForObject(notices, Long.class);
		String nobody = "niemand-" + address();
		for (int i = 1; i <= 5; i++) {
			assertThat(basic(nobody, "x" + i).status()).isEqualTo(401);
		}
		assertThat(basic(nobody, "x6").status()).isEqualTo(429);
		assertThat(this.jdbc.queryForObject(notices, Long.class)).isEqualTo(mails);
	}

	@Test
	void thirty_failures_from_one_address_stop_every_sign_in_from_there_but_not_from_elsewhere() {
		for (int i = 1; i <= 30; i++) {
			assertThat(basic("rater-" + i + "-" + System.nanoTime(), "falsch").status()).isEqualTo(401);
		}
		Web.Page staff = basic("staff", "demo");
		assertThat(staff.status()).isEqualTo(429);
		assertThat(staff.header("Retry-After")).isPresent();

		this.web.always.put("X-Forwarded-For", address());
		assertThat(basic("staff", "demo").status()).isEqualTo(200);
	}

	@Test
	void tokens_are_not_held_up_by_a_password_back_off() {
		String user = this.accounts.create("richtig-1234");
		Web.Page made = this.web.postJson("/api/account/tokens", "{\"name\":\"Skript\",\"expiresInDays\":1}",
				"Authorization", Web.basic(user, "richtig-1234"));
		assertThat(made.status()).isEqualTo(201);
		for (int i = 1; i <= 6; i++) {
			basic(user, "falsch-" + i);
		}
		assertThat(basic(user, "richtig-1234").status()).isEqualTo(429);
		assertThat(this.web.get(Api.FUNDS, "Authorization", "Bearer " + made.json().get("token").asText()).status())
			.isEqualTo(200);
	}

	@Test
	void the_form_says_so_in_german() {
		String user = this.accounts.create("richtig-1234");
		Web.Page form = this.web.get("/login");
		for (int i = 1; i <= 5; i++) {
			form = this.web.postForm("/login", fields(user, "falsch-" + i, form.formToken()));
			assertThat(form.status()).isEqualTo(401);
		}
		Web.Page throttled = this.web.postForm("/login", fields(user, "richtig-1234", form.formToken()));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isPresent();
		assertThat(throttled.body()).contains("Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie")
			.contains("role=\"alert\"");
		assertThat(this.web.get(Api.FUNDS).status()).as("not signed in").isEqualTo(401);
	}

	private static Map<String, String> fields(String user, String password, String token) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String[] field : List.of(new String[] { "username", user }, new String[] { "password", password },
				new String[] { "_csrf", token })) {
			fields.put(field[0], field[1]);
		}
		return fields;
	}

}
