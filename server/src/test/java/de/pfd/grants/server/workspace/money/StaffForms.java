package de.pfd.grants.server.workspace.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for the page tests: signs in with the sign-in form, keeps
 * its session cookie, sends forms with the CSRF token of the page it read last, follows
 * no redirect.
 */
final class StaffForms {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String token;

	StaffForms(int port, String username) {
		this.base = "http://127.0.0.1:" + port;
		get("/login");
		HttpResponse<String> signedIn = post("/login", "username", username, "password", "demo");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("fehler");
		get("/");
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher m = TOKEN.matcher(answer.body());
		if (m.find()) {
			this.token = m.group(1);
		}
		return answer;
	}

	HttpResponse<byte[]> bytes(String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** A form: names and values in turn. */
	HttpResponse<String> post(String path, String... fields) {
		List<String> pairs = new ArrayList<>(List.of(fields));
		if (this.token != null) {
			pairs.add("_csrf");
			pairs.add(this.token);
		}
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.size(); i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
		Matcher m = TOKEN.matcher(answer.body());
		if (m.find()) {
			this.token = m.group(1);
		}
		return answer;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	static String location(HttpResponse<?> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

}
