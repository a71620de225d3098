package de.pfd.grants.server.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser as far as the sign-in tests need one: it keeps the session cookie, reads the
 * CSRF token from a page, and sends whatever headers a test gives (Origin,
 * Sec-Fetch-Site, X-Forwarded-For, Authorization). It follows no redirect.
 */
final class Web {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	/** The value of the SESSION cookie, or null. */
	String session;

	/** Headers sent with every request of this browser, e.g. its X-Forwarded-For. */
	final Map<String, String> always = new LinkedHashMap<>();

	Web(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	String origin() {
		return this.base;
	}

	record Page(int status, String body, HttpHeaders headers) {

		Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		List<String> all(String name) {
			return this.headers.allValues(name);
		}

		/** The Set-Cookie header for the session, if the answer sets it. */
		Optional<String> sessionCookie() {
			return this.headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst();
		}

		String formToken() {
			Matcher m = FORM_TOKEN.matcher(this.body);
			if (!m.find()) {
				throw new AssertionError("no CSRF token in the form: " + this.body);
			}
			return m.group(1);
		}

		String metaToken() {
			Matcher m = META_TOKEN.matcher(this.body);
			if (!m.find()) {
				throw new AssertionError("no CSRF token in the page: " + this.body);
			}
			return m.group(1);
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

	Page get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	Page delete(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), headers);
	}

	Page postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
				headers);
	}

	/** A form as a browser sends it ({@code application/x-www-form-urlencoded}). */
	Page postForm(String path, Map<String, String> fields, String... headers) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
	}

	/** Opens the form and signs in with it; answers the answer to the POST. */
	Page signIn(String username, String password) {
		Page form = get("/login");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", form.formToken());
		return postForm("/login", fields);
	}

	/** The CSRF token of the signed-in session, as the start page gives it to scripts. */
	String sessionToken() {
		return get("/").metaToken();
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private Page send(HttpRequest.Builder request, String... headers) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			names.add(headers[i].toLowerCase());
		}
		this.always.forEach((name, value) -> {
			if (!names.contains(name.toLowerCase())) {
				request.header(name, value);
			}
		});
		if (this.session != null) {
			request.header("Cookie", "SESSION=" + this.session);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.body(), response.headers());
			page.sessionCookie().ifPresent(cookie -> {
				String value = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
				this.session = value.isEmpty() || cookie.contains("Max-Age=0") ? null : value;
			});
			return page;
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
