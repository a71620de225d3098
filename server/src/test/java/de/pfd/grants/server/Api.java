package de.pfd.grants.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the API tests: raw JSON in, status and JSON out, HTTP Basic per
 * call.
 */
public final class Api {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, String contentType, String body, String location) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

		public boolean isProblem() {
			return this.contentType != null && this.contentType.startsWith("application/problem+json");
		}

	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).GET(), null);
	}

	public Response put(String user, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		return send(user, request, null);
	}

	public Response post(String user, String path, String json) {
		return post(user, path, json, null);
	}

	public Response post(String user, String path, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		return send(user, request, idempotencyKey);
	}

	private Response send(String user, HttpRequest.Builder request, String idempotencyKey) {
		if (user != null) {
			String[] credentials = user.contains(":") ? user.split(":", 2) : new String[] { user, "demo" };
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8)));
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), response.headers().firstValue("Location").orElse(null));
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
