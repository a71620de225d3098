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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.server.ApiTestSupport;

/**
 * The pages behind the links of account mails, as a browser uses them: following the
 * registration link confirms the address (once); the reset link shows a form that needs
 * its CSRF token, refuses a weak password on the page and saves a good one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountPagesTest extends ApiTestSupport {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void following_the_registration_link_confirms_the_address_once() throws Exception {
		String address = "seite-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		assertThat(this.api
			.post(null, "/api/registrations",
					"{\"email\":\"" + address + "\",\"password\":\"" + AccountsApiTest.PASSWORD
							+ "\",\"displayName\":\"Seite\",\"partnershipId\":\"kreis-mettmann\"}")
			.status()).isEqualTo(202);
		String link = "/konto/bestaetigen?token=" + token(address);

		HttpResponse<String> page = get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("lang=\"de\"").contains("E-Mail-Adresse bestätigt");
		assertThat(this.api.get(address + ":" + AccountsApiTest.PASSWORD, "/api/account").status()).isEqualTo(200);

		HttpResponse<String> again = get(link);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("ungültig");
	}

	@Test
	void the_reset_link_shows_a_form_that_needs_its_csrf_token_and_refuses_a_weak_password() throws Exception {
		String address = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		this.api.post(null, "/api/registrations", "{\"email\":\"" + address + "\",\"password\":\""
				+ AccountsApiTest.PASSWORD + "\",\"displayName\":\"Reset\",\"partnershipId\":\"kreis-mettmann\"}");
		get("/konto/bestaetigen?token=" + token(address));
		HttpResponse<String> forgotten = get("/konto/passwort-vergessen");
		assertThat(forgotten.statusCode()).isEqualTo(200);
		HttpResponse<String> asked = post("/konto/passwort-vergessen",
				"email=" + enc(address) + "&_csrf=" + enc(csrf(forgotten.body())));
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location").orElse("")).contains("/konto/passwort-vergessen?gesendet");
		String token = token(address);

		HttpResponse<String> form = get("/konto/passwort?token=" + token);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<label class=\"kern-label\" for=\"password\">");
		String csrf = csrf(form.body());

		// without the CSRF token: refused, and the link still works
		assertThat(post("/konto/passwort", "token=" + token + "&password=" + enc(AccountsApiTest.OTHER_PASSWORD))
			.statusCode()).isEqualTo(403);
		assertThat(get("/konto/passwort?token=" + token).statusCode()).isEqualTo(200);
		assertThat(this.api.get(address + ":" + AccountsApiTest.PASSWORD, "/api/account").status()).isEqualTo(200);
		HttpResponse<String> weak = post("/konto/passwort",
				"token=" + token + "&password=password1234&_csrf=" + enc(csrf));
		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(weak.body()).contains("zu häufig").contains("aria-invalid=\"true\"");
		HttpResponse<String> saved = post("/konto/passwort", "token=" + token + "&password="
				+ enc(AccountsApiTest.OTHER_PASSWORD) + "&_csrf=" + enc(csrf(weak.body())));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.api.get(address + ":" + AccountsApiTest.OTHER_PASSWORD, "/api/account").status())
			.isEqualTo(200);
		assertThat(get("/konto/passwort?token=" + token).statusCode()).as("used").isEqualTo(400);
	}

	private String token(String address) {
		String mail = this.jdbc.queryForObject(
				"SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", String.class, address);
		Matcher matcher = TOKEN.matcher(mail);
		assertThat(matcher.find()).as(mail).isTrue();
		return matcher.group(1);
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
