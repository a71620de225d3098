package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/**
 * Browsers sign in with the form: a German page with a CSRF token, a new session in the
 * database after the sign-in (never the one from before), the session works for the API
 * and every write with it needs the token; signing out ends it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FormSignInApiTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationEventPublisher events;

	private Web web;

	private TestAccounts accounts;

	@BeforeEach
	void browser() {
		this.web = new Web(this.port);
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
	}

	@Test
	void the_sign_in_page_is_german_html_with_labelled_fields_and_a_csrf_token() {
		Web.Page form = this.web.get("/login");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(form.body()).contains("<html lang=\"de\"")
			.contains("<label class=\"kern-label\" for=\"username\">")
			.contains("<label class=\"kern-label\" for=\"password\">")
			.contains("autocomplete=\"current-password\"")
			.contains("Anmelden");
		assertThat(form.formToken()).isNotBlank();
		// the token lives in a session: HttpOnly, SameSite=Lax, not Secure over plain
		// HTTP
		assertThat(form.sessionCookie()).hasValueSatisfying(
				cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
	}

	@Test
	void signing_in_gives_a_new_session_that_works_for_the_api() {
		this.web.get("/login");
		String before = this.web.session;
		Web.Page signedIn = this.web.signIn("staff", "demo");
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
		assertThat(this.web.session).as("a new session id after the sign-in (fixation)")
			.isNotNull()
			.isNotEqualTo(before);

		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(200);
		Web.Page start = this.web.get("/");
		assertThat(start.status()).isEqualTo(200);
		assertThat(start.body()).contains("Angemeldet als").contains("staff");
		// the old session id signs nobody in
		Web old = new Web(this.port);
		old.session = before;
		assertThat(old.get(Api.FUNDS).status()).isEqualTo(401);
	}

	@Test
	void the_session_in_the_database_holds_the_account_name_and_no_password_hash() {
		String user = this.accounts.create("geheim-1234");
		this.web.signIn(user, "geheim-1234");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?",
				Integer.class, user))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("""
				SELECT a.attribute_name FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.principal_name = ?""",
				String.class, user))
			.contains("grants.account", "grants.signedInAt")
			.doesNotContain("SPRING_SECURITY_CONTEXT");
	}

	@Test
	void a_sign_in_without_the_csrf_token_is_refused() {
		this.web.get("/login");
		Web.Page refused = this.web.postForm("/login", Map.of("username", "staff", "password", "demo"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.web.get(Api.FUNDS).status()).as("not signed in").isEqualTo(401);
		Web.Page forged = this.web.postForm("/login",
				Map.of("username", "staff", "password", "demo", "_csrf", "not-the-token"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(401);
	}

	@Test
	void a_wrong_password_shows_the_form_again_with_the_name_and_the_error_linked_to_the_fields() {
		String user = this.accounts.create("richtig-1234");
		Web.Page wrong = this.web.signIn(user, "falsch");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("<title>Fehler: Anmelden")
			.contains("id=\"anmeldung-fehler\"")
			.contains("role=\"alert\"")
			.contains("Benutzername oder Passwort ist falsch")
			.contains("value=\"" + user + "\"")
			.contains("aria-describedby=\"anmeldung-fehler\"")
			.contains("aria-invalid=\"true\"");
		// and then the right one
		Map<String, String> fields = Map.of("username", user, "password", "richtig-1234", "_csrf", wrong.formToken());
		assertThat(this.web.postForm("/login", fields).status()).isEqualTo(302);
		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(200);
	}

	@Test
	void with_a_session_cookie_every_api_write_needs_the_csrf_token() {
		this.web.signIn("applicant1", "demo");
		String body = "{\"name\":\"Skript\",\"expiresInDays\":1}";
		Web.Page refused = this.web.postJson("/api/account/tokens", body);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("CSRF");
		Web.Page wrongToken = this.web.postJson("/api/account/tokens", body, "X-CSRF-TOKEN", "forged");
		assertThat(wrongToken.status()).isEqualTo(403);

		Web.Page made = this.web.postJson("/api/account/tokens", body, "X-CSRF-TOKEN", this.web.sessionToken());
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		this.web.delete("/api/account/tokens/" + made.json().get("id").asText(), "X-CSRF-TOKEN",
				this.web.sessionToken());
	}

	@Test
	void signing_out_ends_the_session() {
		String user = this.accounts.create("geheim-1234");
		this.web.signIn(user, "geheim-1234");
		String session = this.web.session;
		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(200);

		// as a browser sends the form
		Web.Page out = this.web.postForm("/logout", Map.of("_csrf", this.web.sessionToken()), "Accept",
				"text/html,application/xhtml+xml");
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?abgemeldet"));
		assertThat(this.web.session).as("cookie cleared").isNull();

		Web old = new Web(this.port);
		old.session = session;
		assertThat(old.get(Api.FUNDS).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?",
				Integer.class, user))
			.isZero();
		assertThat(this.web.get("/login?abgemeldet").body()).contains("Sie sind abgemeldet.");
	}

	@Test
	void a_password_change_ends_every_session_of_the_account() {
		String user = this.accounts.create("alt-12345678");
		this.web.signIn(user, "alt-12345678");
		Web other = new Web(this.port);
		other.signIn(user, "alt-12345678");
		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(200);
		assertThat(other.get(Api.FUNDS).status()).isEqualTo(200);

		this.accounts.setPassword(user, "neu-12345678");
		this.events.publishEvent(new PasswordChanged(user));

		assertThat(this.web.get(Api.FUNDS).status()).isEqualTo(401);
		assertThat(other.get(Api.FUNDS).status()).isEqualTo(401);
	}

	@Test
	void over_tls_the_session_cookie_is_secure_and_hsts_is_sent() {
		// as the TLS-terminating proxy (on loopback, trusted) reports it
		Web.Page secure = this.web.get("/login", "X-Forwarded-Proto", "https");
		assertThat(secure.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie).contains("Secure"));
		assertThat(secure.header("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));

		Web.Page plain = new Web(this.port).get("/login");
		assertThat(plain.header("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void a_browser_that_is_not_signed_in_is_sent_to_the_form_and_a_signed_in_one_past_it() {
		Web.Page start = this.web.get("/antraege", "Accept", "text/html");
		assertThat(start.status()).isEqualTo(302);
		assertThat(start.header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

		this.web.signIn("auditor", "demo");
		Web.Page form = this.web.get("/login", "Accept", "text/html");
		assertThat(form.status()).isEqualTo(302);
		assertThat(form.header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
	}

}
