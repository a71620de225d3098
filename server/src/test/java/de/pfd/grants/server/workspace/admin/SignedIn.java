package de.pfd.grants.server.workspace.admin;

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

import de.pfd.grants.server.Api;

/**
 * A browser without JavaScript for the administration's page tests: signed in with the
 * sign-in form, it keeps the session cookie and sends forms with the CSRF token of the
 * page it read last. It follows no redirect.
 */
final class SignedIn {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String token;

	private SignedIn(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	static SignedIn as(int port, String username) {
		SignedIn session = new SignedIn(port);
		session.get("/login");
		Api.Response answer = session.post("/login", "username", username, "password", "demo");
		if (answer.status() != 302 || answer.location() == null || answer.location().contains("fehler")) {
			throw new AssertionError("sign-in failed: " + answer.status() + " " + answer.location());
		}
		session.get("/");
		return session;
	}

	Api.Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** A form: names and values in turn (a name may come more than once). */
	Api.Response post(String path, String... fields) {
		List<String> pairs = new ArrayList<>(List.of(fields));
		pairs.add("_csrf");
		pairs.add(this.token);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.size(); i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
	}

	private Api.Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = TOKEN.matcher(response.body());
			if (token.find()) {
				this.token = token.group(1);
			}
			return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), response.headers().firstValue("Location").orElse(null), null);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
