package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;

/**
 * Every answer carries the security headers (a same-origin CSP without inline code, never
 * framed, no sniffing, a short referrer; HSTS over TLS), {@code /error} asked for
 * directly is not a 500, and no browser is ever asked for HTTP Basic credentials.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersApiTest extends ApiTestSupport {

	private Web web;

	@BeforeEach
	void client() {
		this.web = new Web(this.port);
	}

	@Test
	void pages_and_api_answers_carry_the_security_headers() {
		for (Web.Page page : List.of(this.web.get("/login"), this.web.get(Api.FUNDS),
				this.web.get(Api.FUNDS, "Authorization", Web.basic("staff", "demo")), this.web.get("/error"))) {
			String csp = page.header("Content-Security-Policy").orElseThrow();
			assertThat(csp).contains("default-src 'self'")
				.contains("script-src 'self'")
				.contains("style-src 'self'")
				.contains("frame-ancestors 'none'")
				.contains("form-action 'self'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval")
				.doesNotContain("http");
			assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.header("X-Frame-Options")).hasValue("DENY");
			assertThat(page.header("Referrer-Policy")).hasValue("same-origin");
			assertThat(page.header("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
		}
		assertThat(this.web.get(Api.FUNDS, "Authorization", Web.basic("staff", "demo"), "X-Forwarded-Proto", "https")
			.header("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void error_asked_for_directly_is_not_a_500() {
		Web.Page json = this.web.get("/error");
		assertThat(json.status()).isEqualTo(404);
		Web.Page html = this.web.get("/error", "Accept", "text/html");
		assertThat(html.status()).isEqualTo(404);
		assertThat(html.body()).contains("lang=\"de\"").contains("Seite nicht gefunden");
		assertThat(this.web.get("/error", "Authorization", Web.basic("staff", "demo")).status()).isEqualTo(404);
	}

	@Test
	void only_clients_that_are_no_browsers_are_challenged_for_basic() {
		Web.Page script = this.web.get(Api.FUNDS);
		assertThat(script.status()).isEqualTo(401);
		assertThat(script.all("WWW-Authenticate")).anyMatch(value -> value.startsWith("Basic realm=\"grants\""))
			.anyMatch(value -> value.startsWith("Bearer realm=\"grants\""));

		for (String[] browser : List.of(new String[] { "Sec-Fetch-Mode", "cors" },
				new String[] { "Accept", "text/html,application/xhtml+xml" },
				new String[] { "Origin", this.web.origin() },
				new String[] { "Cookie", "SESSION=MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw" })) {
			Web.Page page = this.web.get(Api.FUNDS, browser);
			assertThat(page.status()).isEqualTo(401);
			assertThat(page.all("WWW-Authenticate")).as(browser[0])
				.isNotEmpty()
				.noneMatch(value -> value.regionMatches(true, 0, "Basic", 0, 5));
		}
		// a wrong password from a browser: no prompt either
		Web.Page wrong = this.web.get(Api.FUNDS, "Authorization", Web.basic("staff", "falsch"), "Sec-Fetch-Mode",
				"cors");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.all("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"));
	}

	@Test
	void the_design_system_is_served_from_the_server_itself_without_signing_in() {
		for (String asset : List.of("/vendor/kern-ux/kern.min.css", "/vendor/kern-ux/fonts/fira-sans.css",
				"/vendor/kern-ux/fonts/fira-sans/FiraSans-Regular.woff2", "/css/grants.css")) {
			assertThat(this.web.get(asset).status()).as(asset).isEqualTo(200);
		}
	}

	@Test
	void no_template_holds_inline_script_or_style() throws IOException {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			// the PDF templates (pdf/) are rendered to PDF on the server, never served as
			// a page
			List<Path> html = templates.filter(p -> p.toString().endsWith(".html"))
				.filter(p -> !p.toString().contains("/pdf/"))
				.toList();
			assertThat(html).isNotEmpty();
			for (Path template : html) {
				String text = Files.readString(template);
				assertThat(text).as(template.toString())
					.doesNotContain("<style")
					.doesNotContain(" style=")
					.doesNotContainPattern("<script(?![^>]*\\s(th:)?src=)")
					.doesNotContainPattern("\\son[a-z]+=")
					// nor through Thymeleaf or htmx (hx-on runs inline code)
					.doesNotContain("th:style=")
					.doesNotContainPattern("\\sth:on[a-z]+=")
					.doesNotContain("hx-on")
					// nothing from another host
					.doesNotContainPattern("(src|href|action)=\"(https?:)?//");
			}
		}
	}

}
