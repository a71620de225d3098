package de.pfd.grants.server;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the form tests need one, without JavaScript: it signs in with the
 * sign-in form, keeps the session cookie, and sends forms with the CSRF token of the page
 * it read last. It follows no redirect. Used by the portal's and the workspace's page
 * tests.
 */
public final class WebForms {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String token;

	public WebForms(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public WebForms signIn(String username) {
		get("/login");
		Api.Response answer = post("/login", List.of("username", username, "password", "demo"));
		if (answer.status() != 302 || answer.location() == null || answer.location().contains("fehler")) {
			throw new AssertionError("sign-in failed: " + answer.status() + " " + answer.location());
		}
		get("/");
		return this;
	}

	public Api.Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** A form: names and values in turn (a name may come more than once). */
	public Api.Response post(String path, List<String> fields, String... headers) {
		List<String> pairs = new ArrayList<>(fields);
		pairs.add("_csrf");
		pairs.add(this.token);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.size(); i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** Signed in with the password {@code demo}. */
	public static WebForms signedIn(int port, String username) {
		return new WebForms(port).signIn(username);
	}

	/** A form: names and values in turn (a name may come more than once). */
	public Api.Response post(String path, String... fields) {
		return post(path, List.of(fields));
	}

	public static List<String> fields(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
			.collect(Collectors.toList());
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
