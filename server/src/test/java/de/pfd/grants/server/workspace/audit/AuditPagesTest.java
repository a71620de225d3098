package de.pfd.grants.server.workspace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.web.SpreadsheetCells;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The audit pages over HTTP: only staff and auditors read them (members and applicants
 * 403), only their own partnership's events (another's never appear, its application is
 * 404), a period that is not one is refused at its field (422), and the export is CSV
 * whose cells cannot run as formulas.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class AuditPagesTest extends ApiTestSupport {

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void members_and_applicants_may_not_read_the_audit_pages() {
		for (String user : List.of("board1", "youth1", "applicant1")) {
			for (String path : List.of("/pruefung", "/pruefung/export.csv", "/pruefung/entscheidungen",
					"/pruefung/entscheidungen/" + UUID.randomUUID())) {
				assertThat(this.api.get(user, path).status()).as(user + " " + path).isEqualTo(403);
			}
		}
		assertThat(this.api.get("auditor", "/pruefung").status()).isEqualTo(200);
		assertThat(this.api.get("staff", "/pruefung").status()).isEqualTo(200);
		assertThat(this.api.get("auditor", "/pruefung/entscheidungen").status()).isEqualTo(200);
	}

	@Test
	void another_partnerships_events_never_appear_and_its_auditor_cannot_open_our_decisions() {
		PartnershipId other = new PartnershipId("audit-other-" + UUID.randomUUID().toString().substring(0, 8));
		String name = "Fremdverein " + UUID.randomUUID();
		String organisation = "audit-org-" + UUID.randomUUID();
		this.transactionManager.executeInTransaction(
				() -> this.eventStore.publish(new GenericDomainEventMessage<>("Organisation", organisation, 0,
						new OrganisationRegistered(new OrganisationId(organisation), other, name,
								LegalForm.REGISTERED_ASSOCIATION, "Weg 1", "Alien", "alien@example.org"),
						MetaData.with("userId", "alien-staff").and("userRole", "STAFF"), UUID.randomUUID().toString(),
						Instant.now())));
		String theirAuditor = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc).create(Role.AUDITOR,
				other);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.get(theirAuditor, "/pruefung").body()).contains(name));
		assertThat(this.api.get(theirAuditor, "/pruefung").body()).contains("alien-staff")
			.doesNotContain("Partnerschaft eingerichtet: ");

		Api.Response ours = this.api.get("auditor", "/pruefung?person=alien-staff");
		assertThat(ours.status()).isEqualTo(200);
		assertThat(ours.body()).contains("id=\"anzahl\"").contains("Keine Ereignisse").doesNotContain(name);
		assertThat(this.api.download("auditor", "/pruefung/export.csv?person=alien-staff").body())
			.asString(StandardCharsets.UTF_8)
			.doesNotContain(name);

		VotedApplication voted = VotedApplication.decide(this.api, this.funds, this.applications,
				"Herkunft " + UUID.randomUUID().toString().substring(0, 8));
		assertThat(this.api.get(theirAuditor, "/pruefung/entscheidungen/" + voted.applicationId()).status())
			.isEqualTo(404);
		assertThat(this.api.get(theirAuditor, "/pruefung?antrag=" + voted.applicationId()).body())
			.contains("Keine Ereignisse");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.api.get("auditor", "/pruefung/entscheidungen/" + voted.applicationId()).body())
				.contains("Herkunft der Entscheidung", voted.title(), "Bewilligte Mittel reserviert"));
	}

	@Test
	void a_period_that_is_not_a_day_is_refused_at_its_field() {
		Api.Response refused = this.api.get("auditor", "/pruefung?von=gestern&bis=2026-01-01");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"fehler\"", "href=\"#von\"", "id=\"von-error\"",
				"aria-describedby=\"von-error\"", "value=\"gestern\"", "value=\"2026-01-01\"");
		Api.Response reversed = this.api.get("auditor", "/pruefung?von=2026-02-01&bis=2026-01-01");
		assertThat(reversed.status()).isEqualTo(422);
		assertThat(reversed.body()).contains("href=\"#bis\"", "Das Ende liegt vor dem Anfang");
		assertThat(this.api.get("auditor", "/pruefung?lang=en&von=x").body()).contains("Please enter a date");
	}

	@Test
	void the_export_is_utf8_csv_of_the_filtered_lines_whose_cells_cannot_run_as_formulas() {
		String title = "=HYPERLINK(\"http://evil.example\",\"Klick\") " + UUID.randomUUID().toString().substring(0, 8);
		VotedApplication voted = VotedApplication.decide(this.api, this.funds, this.applications, title);
		String path = "/pruefung/export.csv?antrag=" + voted.applicationId();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(new String(this.api.download("auditor", path).body(), StandardCharsets.UTF_8))
						.contains("Bewilligte Mittel reserviert"));
		Api.Download csv = this.api.download("auditor", path);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		List<String> lines = List.of(text.split("\r\n"));
		assertThat(lines.get(0)).startsWith("\uFEFFPosition;Zeitpunkt;Wer;Rolle;Ereignistyp;Was;Antrag");
		// every line of the application, and only its lines
		assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains(voted.applicationId()));
		assertThat(text).contains("Stimme abgegeben: Ja", "Stimme abgegeben: Nein", "board1", "applicant3")
			.contains("\"Antrag angelegt: =HYPERLINK(\"\"http://evil.example\"\",\"\"Klick\"\")")
			.doesNotContain(";=HYPERLINK", ";\"=HYPERLINK");
		assertThat(SpreadsheetCells.text("=1+1")).isEqualTo("'=1+1");
		assertThat(SpreadsheetCells.text("+49 211")).isEqualTo("'+49 211");
		assertThat(SpreadsheetCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCells.text("Antrag")).isEqualTo("Antrag");
	}

	@Test
	void a_fast_track_decision_shows_who_decided_without_a_vote_and_the_money_it_reserved() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.applications.approved("applicant3", Drafts.small(fund, year), "400.00");
		String path = "/pruefung/entscheidungen/" + id;
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.get("auditor", path).body())
				.contains("Bewilligte Mittel reserviert: 400,00\u00a0€"));
		Api.Response page = this.api.get("staff", path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("Entscheidung 1: bewilligt", "Schnellverfahren", "federführende Stelle (Schnellverfahren)",
					"Entscheidung erfasst von", "staff (Koordinierungs- und Fachstelle)",
					"Abgestimmte Fassung (Version 1)", "Kosten: Honorare", "400,00\u00a0€")
			.doesNotContain("id=\"stimmen-1\"", "id=\"rechnung-1\"");
		assertThat(this.api.get("auditor", "/pruefung/entscheidungen").body()).contains(path);
		// the period: days of the office, both included
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		String trail = "/pruefung?antrag=" + id;
		assertThat(this.api.get("auditor", trail + "&von=" + today.minusDays(1) + "&bis=" + today).body())
			.contains("Bewilligte Mittel reserviert: 400,00\u00a0€");
		assertThat(this.api.get("auditor", trail + "&von=" + today.plusDays(1)).body()).contains("Keine Ereignisse");
		assertThat(this.api.get("auditor", trail + "&bis=" + today.minusDays(2)).body()).contains("Keine Ereignisse");
	}

}
