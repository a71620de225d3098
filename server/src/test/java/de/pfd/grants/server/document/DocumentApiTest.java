package de.pfd.grants.server.document;

import static de.pfd.grants.server.Api.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;

/**
 * Documents over real HTTP: the file is the body, its type is detected from its bytes,
 * the content is stored in the database and its SHA-256 in the event; a refused upload
 * leaves neither a row nor an event; whoever may not see the application's documents gets
 * 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentApiTest extends ApiTestSupport {

	static final String ACTION_FUND = "kreis-mettmann-action-fund-2019";

	/** A tiny but well-formed PDF. */
	static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	/** The start of a Windows executable. */
	static final byte[] EXECUTABLE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0,
			(byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0 };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R',
			0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	private final HttpClient http = HttpClient.newHttpClient();

	private String draft() {
		return this.applications.draft("applicant1", Drafts.complete(ACTION_FUND, 2019));
	}

	private static String documents(String id) {
		return Api.application(id) + "/documents";
	}

	private Api.Response upload(String user, String id, String kind, String fileName, String type, byte[] body) {
		String query = "?kind=" + kind + "&fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + documents(id) + query))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		HttpResponse<String> response = send(user, request, HttpResponse.BodyHandlers.ofString());
		return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body(), response.headers().firstValue("Location").orElse(null), null);
	}

	private HttpResponse<byte[]> download(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(base() + path)).GET(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(String user, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		try {
			return this.http.send(request.build(), body);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private long contentRows(String applicationId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM document_content WHERE application_id = ?", Long.class,
				applicationId);
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	@Test
	void an_applicant_uploads_an_offer_lists_it_and_downloads_the_same_bytes() throws Exception {
		String id = draft();
		Api.Response created = upload("applicant1", id, "OFFER", "Angebot Müller.pdf", "application/pdf", PDF);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode document = created.json();
		String documentId = document.get("id").asText();
		assertThat(created.location()).endsWith(documents(id) + "/" + documentId);
		assertThat(document.get("kind").asText()).isEqualTo("OFFER");
		assertThat(document.get("fileName").asText()).isEqualTo("Angebot Müller.pdf");
		assertThat(document.get("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(document.get("size").asLong()).isEqualTo(PDF.length);
		assertThat(document.get("sha256").asText()).isEqualTo(sha256(PDF));
		assertThat(document.get("attachedBy").asText()).isEqualTo("applicant1");

		JsonNode list = Api.ok(this.api.get("applicant1", documents(id)));
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asText()).isEqualTo(documentId);
		// staff and auditors read them too
		assertThat(Api.ok(this.api.get("staff", documents(id)))).hasSize(1);
		assertThat(Api.ok(this.api.get("auditor", documents(id)))).hasSize(1);

		HttpResponse<byte[]> file = download("applicant1", documents(id) + "/" + documentId);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''Angebot%20M%C3%BCller.pdf");
		assertThat(download("auditor", documents(id) + "/" + documentId).body()).isEqualTo(PDF);

		// the event that records the upload carries its SHA-256
		String event = this.jdbc.queryForObject(
				"SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%DocumentAttached'",
				(rs, row) -> new String(rs.getBytes("payload"), StandardCharsets.UTF_8), id);
		JsonNode attached = new ObjectMapper().readTree(event);
		assertThat(attached.get("sha256").asText()).isEqualTo(sha256(PDF));
		assertThat(attached.get("documentId").asText()).isEqualTo(documentId);
	}

	@Test
	void a_renamed_executable_is_refused_with_400_and_nothing_is_stored() {
		String id = draft();
		long events = events();
		Api.Response refused = upload("applicant1", id, "OFFER", "angebot.pdf", "application/pdf", EXECUTABLE);
		assertCode(refused, 400, "DOCUMENT_TYPE_NOT_ALLOWED");
		assertThat(refused.json().get("detail").asText()).startsWith("Nur PDF-, JPEG- und PNG-Dateien sind erlaubt");
		assertThat(contentRows(id)).isZero();
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void an_empty_file_is_refused_with_400() {
		String id = draft();
		Api.Response refused = upload("applicant1", id, "OFFER", "leer.pdf", "application/pdf", new byte[0]);
		assertCode(refused, 400, "INVALID_INPUT");
		assertThat(refused.json().get("detail").asText()).startsWith("Die Datei ist leer");
		assertThat(contentRows(id)).isZero();
	}

	@Test
	void a_file_above_the_limit_is_refused_with_413() {
		String id = draft();
		byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
		Api.Response refused = upload("applicant1", id, "OFFER", "gross.pdf", "application/pdf", large);
		assertCode(refused, 413, "REQUEST_TOO_LARGE");
		assertThat(refused.json().get("detail").asText()).startsWith("Die Datei ist zu groß (höchstens 10 MB)");
		assertThat(contentRows(id)).isZero();
	}

	@Test
	void a_document_the_application_refuses_leaves_neither_a_row_nor_an_event() {
		String id = draft();
		long events = events();
		// a receipt belongs to an approved grant, not to a draft
		Api.Response refused = upload("applicant1", id, "RECEIPT", "beleg.pdf", "application/pdf", PDF);
		assertCode(refused, 409, "WRONG_STATUS");
		assertThat(contentRows(id)).isZero();
		assertThat(events()).isEqualTo(events);
	}

	@Test
	void an_unknown_kind_is_refused_with_400_naming_the_field() {
		String id = draft();
		Api.Response refused = upload("applicant1", id, "INVOICE", "a.pdf", "application/pdf", PDF);
		Api.assertProblem(refused, 400, "kind");
		assertThat(contentRows(id)).isZero();
	}

	@Test
	void another_applicant_and_a_member_get_404_for_the_documents() {
		String id = this.applications.ready("applicant1", Drafts.complete(ACTION_FUND, 2019));
		// staff may attach to any application, any time
		String documentId = Api.created(upload("staff", id, "OTHER", "vermerk.pdf", "application/pdf", PDF))
			.get("id")
			.asText();
		String file = documents(id) + "/" + documentId;

		assertCode(this.api.get("applicant2", documents(id)), 404, "NOT_FOUND");
		assertThat(download("applicant2", file).statusCode()).isEqualTo(404);
		assertCode(upload("applicant2", id, "OFFER", "a.pdf", "application/pdf", PDF), 404, "NOT_FOUND");
		// the board member sees the application, not its documents
		assertThat(this.api.get("board1", Api.application(id)).status()).isEqualTo(200);
		assertCode(this.api.get("board1", documents(id)), 404, "NOT_FOUND");
		assertThat(download("board1", file).statusCode()).isEqualTo(404);
		// auditors read, never write
		assertThat(upload("auditor", id, "OTHER", "a.pdf", "application/pdf", PDF).status()).isEqualTo(403);
	}

	@Test
	void a_document_id_of_another_application_is_404() {
		String mine = draft();
		String other = draft();
		String documentId = Api.created(upload("applicant1", other, "OFFER", "a.pdf", "application/pdf", PDF))
			.get("id")
			.asText();
		assertThat(download("applicant1", documents(mine) + "/" + documentId).statusCode()).isEqualTo(404);
		assertThat(download("applicant1", documents(mine) + "/unknown").statusCode()).isEqualTo(404);
	}

	@Test
	void the_applicant_removes_a_document_of_the_draft_with_its_content() {
		String id = draft();
		String documentId = Api.created(upload("applicant1", id, "OFFER", "a.png", "image/png", PNG))
			.get("id")
			.asText();
		assertThat(this.api.delete("applicant1", documents(id) + "/" + documentId).status()).isEqualTo(204);
		assertThat(Api.ok(this.api.get("applicant1", documents(id)))).isEmpty();
		assertThat(contentRows(id)).isZero();
	}

	@Test
	void the_upload_is_documented_as_a_file_body() {
		JsonNode upload = Api.ok(this.api.get(null, "/v3/api-docs"))
			.get("paths")
			.get("/api/applications/{id}/documents")
			.get("post");
		assertThat(upload.get("requestBody").get("content").has("application/pdf")).isTrue();
		assertThat(upload.get("parameters").toString()).contains("\"kind\"", "\"fileName\"");
	}

	@Test
	void an_application_holds_at_most_fifty_documents() {
		String id = draft();
		for (int i = 0; i < 50; i++) {
			assertThat(upload("applicant1", id, "OFFER", "angebot-" + i + ".png", "image/png", PNG).status())
				.isEqualTo(201);
		}
		long events = events();
		Api.Response refused = upload("applicant1", id, "OFFER", "angebot-51.png", "image/png", PNG);
		assertCode(refused, 409, "DOCUMENT_LIMIT_REACHED");
		assertThat(contentRows(id)).isEqualTo(50);
		assertThat(events()).isEqualTo(events);
	}

}
