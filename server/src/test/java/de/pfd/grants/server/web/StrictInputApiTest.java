package de.pfd.grants.server.web;

import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;

/**
 * Request bodies are read strictly, so that nothing a read table, a report or a client
 * could choke on reaches the event store: each refusal is a 400 (or 413) naming the field
 * where there is one, and stores nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictInputApiTest extends ApiTestSupport {

	private static final String APPLICATIONS = "/api/applications";

	/** One fund for all tests of the class (they only draft in it): a year of its own. */
	private static String sharedFund;

	private String fund;

	@BeforeEach
	void fund() {
		if (sharedFund == null) {
			sharedFund = this.funds.open("ACTION_FUND", TestYears.next(), "35000.00", "5000.00", "500.00");
		}
		this.fund = sharedFund;
	}

	private String draft(String fields) {
		return "{\"fundId\":\"" + this.fund + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
	}

	private void refused(String body, int status, String field) {
		long before = events();
		assertProblem(this.api.post("applicant1", APPLICATIONS, body), status, field);
		assertThat(events()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void a_title_with_a_nul_byte_or_another_control_character_is_refused_naming_the_title() {
		refused(draft("\"title\":\"a\\u0000b\""), 400, "title");
		refused(draft("\"title\":\"a\\u0085b\""), 400, "title");
		refused(draft("\"title\":\"a\\u001bb\""), 400, "title");
	}

	@Test
	void a_line_break_is_refused_in_a_title_but_kept_in_a_description() {
		refused(draft("\"title\":\"Zeile 1\\nZeile 2\""), 400, "title");
		refused(draft("\"applicant\":{\"organisation\":\"Verein\\tSüd\"}"), 400, "applicant.organisation");

		JsonNode created = created(this.api.post("applicant1", APPLICATIONS,
				draft("\"title\":\"Werkstatt\",\"description\":\"Zeile 1\\nZeile 2\\tmit Tab\"")));
		assertThat(created.get("description").asText()).isEqualTo("Zeile 1\nZeile 2\tmit Tab");
	}

	@Test
	void texts_are_kept_in_one_normal_form_without_surrounding_blanks() {
		JsonNode created = created(this.api.post("applicant1", APPLICATIONS, draft("\"title\":\"  Cafe\\u0301  \"")));

		assertThat(created.get("title").asText()).isEqualTo("Café").hasSize(4);
		assertThat(this.api.get("applicant1", application(created.get("id").asText())).json().get("title").asText())
			.isEqualTo("Café");
	}

	@Test
	void half_of_a_surrogate_pair_is_refused() {
		refused(draft("\"title\":\"a\\ud800b\""), 400, "title");
	}

	@Test
	void an_unknown_field_is_refused_naming_it() {
		refused(draft("\"title\":\"t\",\"owner\":\"applicant2\""), 400, "owner");
	}

	@Test
	void a_field_given_twice_is_refused_naming_it() {
		refused(draft("\"title\":\"a\",\"title\":\"b\""), 400, "title");
	}

	@Test
	void a_number_given_as_a_string_or_a_text_given_as_a_number_is_refused() {
		refused(draft("\"requestedAmount\":\"100.00\""), 400, "requestedAmount");
		refused(draft("\"expectedParticipants\":\"20\""), 400, "expectedParticipants");
		refused(draft("\"title\":123"), 400, "title");
	}

	@Test
	void a_body_that_is_not_valid_utf8_is_refused_also_an_overlong_form() throws Exception {
		for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xFF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 } }) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(draft("\"title\":\"a").getBytes(StandardCharsets.UTF_8));
			body.write(bad);
			body.write("b\"}".getBytes(StandardCharsets.UTF_8));
			long before = events();
			assertCode(this.api.postBytes("applicant1", APPLICATIONS, body.toByteArray()), 400, "INVALID_INPUT");
			assertThat(events()).isEqualTo(before);
		}
	}

	@Test
	void a_body_over_one_megabyte_is_refused_unread() {
		String huge = draft("\"description\":\"" + "x".repeat(JsonBodyLimits.MAX_BYTES) + "\"");
		long before = events();

		assertCode(this.api.post("applicant1", APPLICATIONS, huge), 413, "REQUEST_TOO_LARGE");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_control_character_in_the_idempotency_key_is_bad_input_not_a_failure() throws Exception {
		long before = events();

		// sent as raw bytes: HTTP clients drop such a character themselves
		String answer = rawPost(draft("\"title\":\"t\""), "key\u0085one");

		assertThat(answer).startsWith("HTTP/1.1 400").contains("INVALID_INPUT");
		assertThat(events()).isEqualTo(before);
	}

	private String rawPost(String json, String idempotencyKey) throws Exception {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + APPLICATIONS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
				+ Base64.getEncoder().encodeToString("applicant1:demo".getBytes(StandardCharsets.UTF_8))
				+ "\r\nContent-Type: application/json\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Length: "
				+ body.length + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
