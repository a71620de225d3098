package de.pfd.grants.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.persistence.chain.EventChainAnchor;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * {@code GET /api/audit/verification}: the service's own appends are chained (the chained
 * engine is the one in use), the history verifies for staff and auditors only, and the
 * head a fund statement prints is proven later with {@code upTo}. The tampering itself is
 * tested in the persistence module (EventChainTest).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AuditVerificationApiTest extends ApiTestSupport {

	@Autowired
	private EventChainAnchor anchor;

	@Test
	void every_event_the_service_stores_is_chained_and_the_history_verifies() {
		int year = TestYears.next("ACTION_FUND");
		this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_chain", Long.class)).isEqualTo(events())
			.isPositive();
		JsonNode verification = Api.ok(this.api.get("auditor", "/api/audit/verification"));
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("events").asLong()).isEqualTo(events());
		assertThat(verification.get("head").asText()).matches("[0-9a-f]{64}");
		assertThat(verification.get("position").asLong())
			.isEqualTo(this.jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class));
		assertThat(verification.has("firstBroken")).isFalse();
		assertThat(Api.ok(this.api.get("staff", "/api/audit/verification")).get("valid").asBoolean()).isTrue();
	}

	@Test
	void the_fund_statement_prints_the_anchored_head_which_verification_up_to_its_position_proves() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		EventChainAnchor.Head head = this.anchor.anchor(Duration.ZERO);

		Api.Download pdf = this.api.download("auditor", "/api/funds/" + fund + "/statement.pdf");

		assertThat(pdf.status()).isEqualTo(200);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		assertThat(text).contains("Prüfsumme des Verlaufs bis Position " + head.position() + ": ");
		String printed = text.substring(text.indexOf("Position " + head.position() + ": ")).split(": ")[1].substring(0,
				64);
		assertThat(printed).isEqualTo(head.hash());
		// later, with more events stored, the printed head is proven as of its position
		this.funds.open("ACTION_FUND", TestYears.next("ACTION_FUND"), "1000.00", "1000.00", "1000.00");
		JsonNode then = Api.ok(this.api.get("auditor", "/api/audit/verification?upTo=" + head.position()));
		assertThat(then.get("valid").asBoolean()).isTrue();
		assertThat(then.get("head").asText()).isEqualTo(printed);
		assertThat(then.get("position").asLong()).isEqualTo(head.position());
	}

	@Test
	void applicants_and_members_may_not_anonymous_callers_sign_in_and_a_bad_position_is_refused() {
		assertThat(this.api.get("applicant1", "/api/audit/verification").status()).isEqualTo(403);
		assertThat(this.api.get("board1", "/api/audit/verification").status()).isEqualTo(403);
		assertThat(this.api.get(null, "/api/audit/verification").status()).isEqualTo(401);
		Api.Response negative = this.api.get("auditor", "/api/audit/verification?upTo=-1");
		Api.assertCode(negative, 400, "INVALID_INPUT");
		Api.assertProblem(negative, 400, "upTo");
		assertThat(negative.json().toString()).contains("Position");
		Api.Response word = this.api.get("auditor", "/api/audit/verification?upTo=gestern");
		assertThat(word.status()).isEqualTo(400);
		Api.assertCode(word, 400, "INVALID_INPUT");
	}

	@Test
	void the_verification_is_documented_with_openapi() {
		JsonNode paths = Api.ok(this.api.get(null, "/v3/api-docs")).get("paths");
		assertThat(paths.has("/api/audit/verification")).isTrue();
		assertThat(paths.get("/api/audit/verification").get("get").get("parameters").toString()).contains("upTo");
	}

}
