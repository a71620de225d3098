package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;

/**
 * The attack that was found: a foreign page makes the browser send {@code POST
 * /api/funds/{id}/closure} as a plain form, and the browser adds the HTTP Basic
 * credentials it remembers (or the session cookie). It is refused and changes nothing,
 * however the browser sends it; a client that is not a browser, and the server's own
 * pages, still write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrossSiteRequestApiTest extends ApiTestSupport {

	private static final String EVIL = "https://evil.example";

	private Web web;

	private String fund;

	@BeforeEach
	void fund() {
		this.web = new Web(this.port);
		this.fund = this.funds.open("ACTION_FUND", TestYears.next(), "1000.00", null, null);
	}

	private String status() {
		return this.funds.get("staff", this.fund).get("status").asText();
	}

	@Test
	void a_cross_site_form_post_with_remembered_basic_credentials_is_refused_and_the_fund_stays_open() {
		String basic = Web.basic("staff", "demo");
		Map<String, String> form = Map.of("x", "1");
		// a current browser: Origin and Sec-Fetch-Site
		Web.Page modern = this.web.postForm(Api.fundClosure(this.fund), form, "Authorization", basic, "Origin", EVIL,
				"Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate");
		assertThat(modern.status()).isEqualTo(403);
		assertThat(modern.body()).contains("fremden Website");
		// only one of the two headers
		assertThat(this.web.postForm(Api.fundClosure(this.fund), form, "Authorization", basic, "Origin", EVIL).status())
			.isEqualTo(403);
		assertThat(this.web
			.postForm(Api.fundClosure(this.fund), form, "Authorization", basic, "Sec-Fetch-Site", "same-site")
			.status()).isEqualTo(403);
		assertThat(
				this.web.postForm(Api.fundClosure(this.fund), form, "Authorization", basic, "Origin", "null").status())
			.isEqualTo(403);
		// an old browser that sends neither: the form's content type is no JSON
		Web.Page old = this.web.postForm(Api.fundClosure(this.fund), form, "Authorization", basic);
		assertThat(old.status()).isEqualTo(415);
		// a script of the foreign page (fetch without a body, no-cors)
		assertThat(this.web.postJson(Api.fundClosure(this.fund), null, "Authorization", basic, "Origin", EVIL).status())
			.isEqualTo(403);

		assertThat(status()).isEqualTo("OPEN");
	}

	@Test
	void a_cross_site_form_post_with_the_session_cookie_of_a_signed_in_browser_is_refused() {
		this.web.signIn("staff", "demo");
		Map<String, String> form = Map.of("_csrf", this.web.sessionToken());
		// even with a token the foreign page cannot know
		assertThat(this.web.postForm(Api.fundClosure(this.fund), form, "Origin", EVIL, "Sec-Fetch-Site", "cross-site")
			.status()).isEqualTo(403);
		// without Origin (the cookie would not even be sent: SameSite=Lax) and without
		// the token
		assertThat(this.web.postJson(Api.fundClosure(this.fund), null).status()).isEqualTo(403);
		assertThat(status()).isEqualTo("OPEN");
	}

	@Test
	void the_servers_own_pages_and_clients_that_are_no_browsers_still_write() {
		this.web.signIn("staff", "demo");
		Web.Page own = this.web.postJson(Api.fundClosure(this.fund), null, "Origin", this.web.origin(),
				"Sec-Fetch-Site", "same-origin", "X-CSRF-TOKEN", this.web.sessionToken());
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(status()).isEqualTo("CLOSED");

		String other = this.funds.open("YOUTH_FUND", TestYears.next(), "1000.00", null, null);
		assertThat(this.api.post("staff", Api.fundClosure(other), null).status()).isEqualTo(200);
		assertThat(this.funds.get("staff", other).get("status").asText()).isEqualTo("CLOSED");
	}

}
