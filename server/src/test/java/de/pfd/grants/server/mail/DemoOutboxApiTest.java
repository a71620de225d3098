package de.pfd.grants.server.mail;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The demo outbox on the shared demo context, which has no SMTP server: mails stay in the
 * outbox, and staff read those of their partnership there, the newest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoOutboxApiTest extends ApiTestSupport {

	private static final String OUTBOX = "/api/outbox";

	@Autowired
	Outbox outbox;

	@Value("${grants.public-url}")
	String publicUrl;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void staff_read_the_mails_of_their_partnership_newest_first_and_unsent_without_an_smtp_server() {
		String run = UUID.randomUUID().toString();
		queue(new PartnershipId("kreis-mettmann"), "erika@example.org", "Erste " + run,
				"Hallo,\nbitte bestätigen: https://pfd.example/v/1");
		queue(new PartnershipId("kreis-mettmann"), "max@example.org", "Zweite " + run, "Grüße");
		queue(new PartnershipId("stadt-anderswo"), "fremd@example.org", "Fremde " + run, "nicht für Mettmann");

		JsonNode mails = ok(this.api.get("staff", OUTBOX));

		List<String> subjects = new ArrayList<>();
		mails.forEach(mail -> subjects.add(mail.get("subject").asText()));
		assertThat(subjects).doesNotContain("Fremde " + run);
		assertThat(subjects.indexOf("Zweite " + run)).isGreaterThanOrEqualTo(0)
			.isLessThan(subjects.indexOf("Erste " + run));
		JsonNode first = mails.get(subjects.indexOf("Erste " + run));
		assertThat(first.get("to").asText()).isEqualTo("erika@example.org");
		assertThat(first.get("body").asText()).isEqualTo("Hallo,\nbitte bestätigen: https://pfd.example/v/1");
		assertThat(Instant.parse(first.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
		assertThat(first.get("sentAt").isNull()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM mail_outbox WHERE subject = ?", Integer.class,
				"Erste " + run))
			.isZero();
	}

	@Test
	void only_staff_read_the_outbox() {
		assertProblem(this.api.get("applicant1", OUTBOX), 403, null);
		assertProblem(this.api.get("auditor", OUTBOX), 403, null);
		assertProblem(this.api.get("board1", OUTBOX), 403, null);
		assertProblem(this.api.get(null, OUTBOX), 401, null);
	}

	@Test
	void staff_read_the_outbox_as_a_page_with_the_installations_own_links_as_links_and_markup_as_text() {
		String run = UUID.randomUUID().toString();
		queue(new PartnershipId("kreis-mettmann"), "neu@example.org", "Bitte bestätigen " + run,
				"Hallo,\n<b>fett</b> bestätigen Sie: " + this.publicUrl + "/konto/bestaetigen?token=abc_DEF-1\n"
						+ "fremd: https://evil.example/x");
		queue(new PartnershipId("stadt-anderswo"), "fremd@example.org", "Fremde " + run, "nicht für Mettmann");

		Api.Response page = this.api.get("staff", "/demo/postausgang");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("Postausgang (Demo)")
			.contains("Bitte bestätigen " + run)
			.contains("An: neu@example.org")
			.contains("href=\"" + this.publicUrl + "/konto/bestaetigen?token=abc_DEF-1\">" + this.publicUrl
					+ "/konto/bestaetigen?token=abc_DEF-1</a>")
			.contains("&lt;b&gt;fett&lt;/b&gt;")
			.contains("fremd: https://evil.example/x")
			.doesNotContain("href=\"https://evil.example")
			.doesNotContain("Fremde " + run);
		assertThat(this.api.get("applicant1", "/demo/postausgang").status()).isEqualTo(403);
		assertThat(this.api.get("staff", "/").body()).contains("href=\"/demo/postausgang\"");
		assertThat(this.api.get("applicant1", "/").body()).doesNotContain("/demo/postausgang");
	}

	private void queue(PartnershipId partnership, String to, String subject, String body) {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult(status -> this.outbox.queue(partnership, to, subject, body));
	}

}
