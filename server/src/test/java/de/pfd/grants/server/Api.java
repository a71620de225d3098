package de.pfd.grants.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the API tests: raw JSON in, status and JSON out, HTTP Basic per
 * call; and the paths of the API, so that a test names an endpoint instead of spelling
 * it.
 */
public final class Api {

	public static final String APPLICATIONS = "/api/applications";

	public static final String FUNDS = "/api/funds";

	public static final String AGENDA = "/api/agenda";

	public static final String DECISION_BODIES = "/api/decision-bodies";

	public static final String OVERDUE = "/api/grants/overdue";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, String contentType, String body, String location, String retryAfter) {

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

	/**
	 * The response is a problem (RFC 9457) with this status, a detail, and, if given, an
	 * error for the field.
	 */
	public static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		JsonNode problem = response.json();
		assertThat(problem.get("detail").asText()).isNotBlank();
		if (field != null) {
			List<String> fields = new ArrayList<>();
			JsonNode errors = problem.get("errors");
			assertThat(errors).as(response.body()).isNotNull();
			errors.forEach(error -> fields.add(error.get("field").asText()));
			assertThat(fields).as(response.body()).contains(field);
		}
	}

	/** The body of a 200 response. */
	public static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The body of a 201 response. */
	public static JsonNode created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** The response is a problem with this status and error code. */
	public static void assertCode(Response response, int status, String code) {
		assertProblem(response, status, null);
		assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(code);
	}

	// ------------------------------------------------------------- applications

	public static String application(String id) {
		return APPLICATIONS + "/" + id;
	}

	public static String submission(String id) {
		return application(id) + "/submission";
	}

	public static String formalCheck(String id) {
		return application(id) + "/formal-check";
	}

	public static String withdrawal(String id) {
		return application(id) + "/withdrawal";
	}

	/** Where staff open a vote on the application. */
	public static String voting(String id) {
		return application(id) + "/voting";
	}

	/** Where members cast their votes. */
	public static String votes(String id) {
		return voting(id) + "/votes";
	}

	public static String recusal(String id) {
		return voting(id) + "/recusal";
	}

	public static String closure(String id) {
		return voting(id) + "/closure";
	}

	/**
	 * The votes cast on the application, every round, as staff and auditors read them.
	 */
	public static String recordedVotes(String id) {
		return application(id) + "/votes";
	}

	/** The lead office's decision on the fast track. */
	public static String fastTrack(String id) {
		return application(id) + "/decision";
	}

	public static String grantNotice(String id) {
		return application(id) + "/grant-notice";
	}

	public static String noticeConfirmation(String id) {
		return grantNotice(id) + "/confirmation";
	}

	public static String notice(String id) {
		return application(id) + "/notice";
	}

	public static String payoutRequests(String id) {
		return application(id) + "/payout-requests";
	}

	public static String payouts(String id) {
		return application(id) + "/payouts";
	}

	/** The release of a certified payout (four eyes). */
	public static String payoutRelease(String id, String payoutId) {
		return payouts(id) + "/" + payoutId + "/release";
	}

	public static String proofOfUse(String id) {
		return application(id) + "/proof-of-use";
	}

	public static String review(String id) {
		return proofOfUse(id) + "/review";
	}

	public static String refunds(String id) {
		return application(id) + "/refunds";
	}

	// -------------------------------------------------------------------- funds

	public static String fund(String id) {
		return FUNDS + "/" + id;
	}

	/** The fund's figures as they stood at the instant (or whatever the text says). */
	public static String fundAsOf(String id, Object asOf) {
		return fund(id) + "?asOf=" + asOf;
	}

	public static String movements(String fundId) {
		return fund(fundId) + "/movements";
	}

	public static String movementsCsv(String fundId) {
		return movements(fundId) + ".csv";
	}

	public static String budgetAdjustments(String fundId) {
		return fund(fundId) + "/budget-adjustments";
	}

	public static String fundClosure(String fundId) {
		return fund(fundId) + "/closure";
	}

	public static String processingTimes(String fundId) {
		return fund(fundId) + "/processing-times";
	}

	/** The decisions taken on the fund's applications. */
	public static String decisions(String fundId) {
		return "/api/decisions?fundId=" + fundId;
	}

	// ------------------------------------------------------------------- bodies

	public static String members(String bodyId) {
		return DECISION_BODIES + "/" + bodyId + "/members";
	}

	public static String rules(String bodyId) {
		return DECISION_BODIES + "/" + bodyId + "/rules";
	}

	// ----------------------------------------------------------------- requests

	public Response delete(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), null);
	}

	/** A GET authenticated with a personal access token. */
	public Response getWithBearer(String token, String path) {
		return send(null,
				HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + token).GET(),
				null);
	}

	/** An answer as bytes (a PDF, say), with its status and content type. */
	public record Download(int status, String contentType, byte[] body) {
	}

	/** A GET whose answer is read as bytes. */
	public Download download(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).GET(), null);
	}

	/** A GET with more headers, given as name and value after each other. */
	public Response getWithHeaders(String user, String path, String... headers) {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).headers(headers).GET(), null);
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

	/** A body of raw bytes, e.g. one that is not valid UTF-8. */
	public Response postBytes(String user, String path, byte[] body) {
		return bytes(user, "POST", path, body);
	}

	/** An upload: the body is a file's bytes with the type the client claims. */
	public Response postFile(String user, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return send(user, request, null);
	}

	/** A JSON request of any method with a body of raw bytes. */
	public Response bytes(String user, String method, String path, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		return send(user, request, null);
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
					response.body(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null));
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
