package de.pfd.grants.server.privacy;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * The confirmed erasure over HTTP on PostgreSQL, through the crypto-shredding
 * {@link PersonalDataErasure}: on the data subject's request a withdrawn application is
 * erased (201, what was erased), a second time is a conflict, the application reads as
 * erased, the erasure is listed with its reason and the file is no longer due.
 */
// a context of its own: its years (the default context has given out nearly all) and a
// store that no test edits behind the chain's back (the erasure test verifies the whole
// history)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "grants.test.context=privacy")
class PrivacyErasureApiTest extends ApiTestSupport {

	private static final String ERASURES = "/api/privacy/erasures";

	@Test
	void a_withdrawn_application_is_erased_on_request_once_and_then_reads_as_erased() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", null, null);
		String id = this.applications.submitted("applicant1", Drafts.complete(fund, year));
		ok(this.api.post("applicant1", Api.withdrawal(id), "{\"reason\":\"Projekt fällt aus\"}"));
		assertThat(dueIds("2300-01-01")).contains(id);
		String body = "{\"applicationId\":\"" + id + "\",\"reason\":\"Schreiben vom 1.12.\",\"request\":true}";

		JsonNode erased = created(this.api.post("staff", ERASURES, body));

		assertThat(erased.get("applicationId").asText()).isEqualTo(id);
		assertThat(erased.get("subject").asText()).contains(id);
		assertThat(erased.get("by").asText()).isEqualTo("staff");
		assertThat(erased.get("at").asText()).isNotBlank();
		assertCode(this.api.post("staff", ERASURES, body), 409, "ALREADY_ERASED");

		JsonNode application = ok(this.api.get("staff", Api.application(id)));
		JsonNode applicant = application.get("applicant");
		assertThat(applicant.get("contactName").asText()).isEqualTo("erased");
		assertThat(applicant.get("email").asText()).isEqualTo("erased");
		assertThat(application.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(application.get("requestedAmount").decimalValue()).isEqualByComparingTo("1000.00");

		JsonNode done = ok(this.api.get("auditor", ERASURES));
		JsonNode record = null;
		for (JsonNode erasure : done) {
			if (erasure.get("applicationId").asText().equals(id)) {
				record = erasure;
			}
		}
		assertThat(record).as(done.toString()).isNotNull();
		assertThat(record.get("by").asText()).isEqualTo("staff");
		assertThat(record.get("reason").asText()).startsWith("Auf Antrag der betroffenen Person")
			.endsWith("Schreiben vom 1.12.");
		assertThat(dueIds("2300-01-01")).doesNotContain(id);

		// the applicant's own export still lists the file, its personal fields erased
		JsonNode own = null;
		for (JsonNode file : ok(this.api.get("applicant1", "/api/me/data")).get("applications")) {
			if (file.get("id").asText().equals(id)) {
				own = file;
			}
		}
		assertThat(own).isNotNull();
		assertThat(own.get("content").get("applicant").get("contactName").asText()).isEqualTo("erased");
		assertThat(own.get("content").get("requestedAmount").decimalValue()).isEqualByComparingTo("1000.00");
	}

	private List<String> dueIds(String on) {
		List<String> ids = new ArrayList<>();
		ok(this.api.get("staff", "/api/privacy/erasures/due?on=" + on)).get("due")
			.forEach(file -> ids.add(file.get("applicationId").asText()));
		return ids;
	}

}
