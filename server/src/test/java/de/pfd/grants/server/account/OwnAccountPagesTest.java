package de.pfd.grants.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;

/**
 * "Mein Konto" over HTTP as a signed-in browser uses it: the page shows the address, the
 * organisations and the tokens (German, and English with {@code ?lang=en}); a token made
 * there is shown once, works at the API and is revoked there; a refusal is shown at its
 * field and in the summary (422); a new password ends the session; every form needs its
 * CSRF token; another account's token is 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnAccountPagesTest extends ApiTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"token-secret\"[^>]*>(pfd_[A-Za-z0-9_-]+)<");

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwords;

	TestAccounts accounts;

	String user;

	String address;

	@BeforeEach
	void signedIn() throws Exception {
		this.accounts = new TestAccounts(this.accountStore, this.passwords, this.jdbc);
		this.user = this.accounts.create(Role.APPLICANT);
		this.address = this.accounts.verifyEmail(this.user);
		Api.created(this.api.post(this.user, "/api/organisations", "{\"legalForm\":\"PRIVATE_PERSON\"}"));
		HttpResponse<String> login = get("/login");
		HttpResponse<String> signedIn = post("/login",
				"username=" + enc(this.user) + "&password=demo&_csrf=" + enc(csrf(login.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
	}

	@Test
	void the_page_shows_the_address_the_organisations_and_no_tokens_in_german_and_english() throws Exception {
		HttpResponse<String> page = get("/konto");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"de\"")
			.contains("<h1 class=\"kern-heading-large\">Mein Konto</h1>")
			.contains(this.address)
			.contains("Testperson " + this.user)
			.contains("Privatperson")
			.contains("Sie haben keine Tokens.")
			.contains("href=\"/konto\"");
		HttpResponse<String> english = get("/konto?lang=en");
		assertThat(english.body()).contains("<html lang=\"en\"")
			.contains("My account")
			.contains("Personal access tokens")
			.contains("Organisations you act for")
			.doesNotContain("Persönliche Zugangstokens");
		get("/?lang=de");
	}

	@Test
	void the_sign_in_and_the_account_mails_pages_are_english_with_lang_en() {
		assertThat(this.api.get(null, "/login?lang=en").body()).contains("<html lang=\"en\"")
			.contains(">Sign in</h1>")
			.contains("User name or e-mail address")
			.contains("Forgotten your password?")
			.doesNotContain("Anmelden</");
		assertThat(this.api.get(null, "/konto/registrieren?lang=en").body()).contains(">Register</h1>")
			.contains("Your name")
			.doesNotContain("Ihr Name");
		assertThat(this.api.get(null, "/konto/passwort-vergessen?lang=en").body()).contains("Request the link");
		assertThat(this.api.get(null, "/konto/passwort?token=falsch&lang=en").body()).contains("Link not valid");
		assertThat(this.api.get(null, "/konto/passwort?token=falsch").body()).contains("Link ungültig");
	}

	@Test
	void the_page_needs_a_sign_in() {
		assertThat(this.api.get(null, "/konto").status()).isIn(302, 401);
	}

	@Test
	void a_token_made_on_the_page_is_shown_once_works_at_the_api_and_is_revoked_on_the_page() throws Exception {
		HttpResponse<String> made = post("/konto/tokens",
				"tokenName=Auswertung&tokenDays=30&_csrf=" + enc(csrf(get("/konto").body())));

		assertThat(made.statusCode()).isEqualTo(200);
		assertThat(made.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).as(made.body()).isTrue();
		String token = secret.group(1);
		assertThat(this.api.getWithBearer(token, "/api/funds").status()).isEqualTo(200);
		HttpResponse<String> later = get("/konto");
		assertThat(later.body()).contains("Auswertung").doesNotContain(token);
		String id = Api.ok(this.api.get(this.user, "/api/account/tokens")).get(0).get("id").asText();

		String other = this.accounts.create(Role.APPLICANT);
		String othersToken = Api
			.created(this.api.post(other, "/api/account/tokens", "{\"name\":\"fremd\",\"expiresInDays\":5}"))
			.get("id")
			.asText();
		assertThat(post("/konto/tokens/" + othersToken + "/widerruf", "_csrf=" + enc(csrf(later.body()))).statusCode())
			.isEqualTo(404);
		assertThat(post("/konto/tokens/" + id + "/widerruf", "").statusCode()).as("without CSRF").isEqualTo(403);
		HttpResponse<String> revoked = post("/konto/tokens/" + id + "/widerruf",
				"_csrf=" + enc(csrf(get("/konto").body())));

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(revoked.headers().firstValue("Location").orElse("")).endsWith("/konto?widerrufen");
		assertThat(this.api.getWithBearer(token, "/api/funds").status()).isEqualTo(401);
		assertThat(get("/konto?widerrufen").body()).contains("Das Token ist widerrufen")
			.contains("Sie haben keine Tokens.");
		assertThat(Api.ok(this.api.get(other, "/api/account/tokens"))).hasSize(1);
	}

	@Test
	void a_token_without_a_name_is_refused_at_its_field_and_in_the_summary() throws Exception {
		HttpResponse<String> refused = post("/konto/tokens",
				"tokenName=+&tokenDays=90&_csrf=" + enc(csrf(get("/konto").body())));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Fehler: Mein Konto")
			.contains("href=\"#tokenName\"")
			.contains("id=\"tokenName-error\"")
			.contains("Bitte einen Namen angeben")
			.contains("aria-invalid=\"true\"");
		assertThat(Api.ok(this.api.get(this.user, "/api/account/tokens"))).isEmpty();
	}

	@Test
	void a_new_address_is_sent_its_link_and_a_wrong_password_is_refused_at_its_field() throws Exception {
		String wanted = "neu-" + this.user + "@example.org";
		HttpResponse<String> wrong = post("/konto/email",
				"newEmail=" + enc(wanted) + "&currentPassword=falsch&_csrf=" + enc(csrf(get("/konto").body())));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("id=\"emailPassword-error\"")
			.contains("Das Passwort stimmt nicht")
			.contains("value=\"" + wanted + "\"");

		HttpResponse<String> asked = post("/konto/email",
				"newEmail=" + enc(wanted) + "&currentPassword=demo&_csrf=" + enc(csrf(wrong.body())));

		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/konto?email-gesendet");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, wanted))
			.isEqualTo(1);
		assertThat(get("/konto?email-gesendet").body()).contains("Bitte bestätigen Sie die neue Adresse");
	}

	@Test
	void a_weak_new_password_is_refused_and_a_good_one_ends_the_session() throws Exception {
		HttpResponse<String> weak = post("/konto/passwort-aendern",
				"currentPassword=demo&newPassword=password1234&_csrf=" + enc(csrf(get("/konto").body())));
		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(weak.body()).contains("id=\"newPassword-error\"").contains("href=\"#newPassword\"");
		HttpResponse<String> wrong = post("/konto/passwort-aendern", "currentPassword=falsch&newPassword="
				+ enc(AccountsApiTest.OTHER_PASSWORD) + "&_csrf=" + enc(csrf(weak.body())));
		assertThat(wrong.body()).contains("id=\"currentPassword-error\"");

		HttpResponse<String> changed = post("/konto/passwort-aendern", "currentPassword=demo&newPassword="
				+ enc(AccountsApiTest.OTHER_PASSWORD) + "&_csrf=" + enc(csrf(wrong.body())));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login?passwort-geaendert");
		assertThat(get("/login?passwort-geaendert").body()).contains("Ihr Passwort ist geändert");
		assertThat(get("/konto").statusCode()).as("signed out").isIn(302, 401);
		assertThat(this.api.get(this.user + ":" + AccountsApiTest.OTHER_PASSWORD, "/api/account").status())
			.isEqualTo(200);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
