package de.pfd.grants.server.persistence;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.persistence.backup.EventStoreBackup;
import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * A backup restored into an empty database gives the same figures, movements, history,
 * deadlines and documents: the service on the restored database rebuilds its read models
 * from the events alone, and goes on from there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackupAndRestoreTest extends ApiTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	ProjectionSync projections;

	@Test
	void a_restored_backup_shows_the_same_fund_application_movements_and_deadlines() throws Exception {
		// a year still to come: the grant's proof-of-use deadline waits in
		// scheduled_tasks
		int year = 2096;
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = this.grants.confirmed("applicant1", Drafts.small(fund, year), "400.00", "ZB-" + year);
		this.grants.payOut("applicant1", id, "250.00");
		// a document: its content is in the backup, not in the events
		byte[] notice = "%PDF-1.4\n%signed notice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String document = Api.created(this.api.postFile("applicant1",
				Api.application(id) + "/documents?kind=SIGNED_NOTICE&fileName=Bescheid.pdf", "application/pdf", notice))
			.get("id")
			.asText();
		// a meeting the office prepared: planning data in tables of its own (a day, an
		// amount)
		String meeting = "backup-meeting-" + year;
		this.jdbc.update("""
				INSERT INTO meeting (meeting_id, partnership_id, fund_id, body_type, title, held_on, status,
				                     created_by, created_at)
				VALUES (?, 'kreis-mettmann', ?, 'STEERING_BOARD', 'Sitzung im Juni', DATE '2096-06-10', 'PLANNED',
				        'staff', CURRENT_TIMESTAMP)""", meeting, fund);
		this.jdbc.update("INSERT INTO meeting_item (meeting_id, application_id, position, what_if_amount) "
				+ "VALUES (?, ?, 1, 350.50)", meeting, id);
		this.projections.awaitProjections();

		StringWriter file = new StringWriter();
		EventStoreBackup.Counts exported = new EventStoreBackup(this.dataSource).export(file);

		TestDatabase.Choice empty = TestDatabase.choose();
		DriverManagerDataSource restoredDatabase = new DriverManagerDataSource(empty.url(), empty.user(),
				empty.password());
		Flyway.configure().dataSource(restoredDatabase).locations("classpath:db/migration").load().migrate();
		EventStoreBackup.Counts restored = new EventStoreBackup(restoredDatabase)
			.restore(new StringReader(file.toString()));
		assertThat(restored.rows().get("domain_event_entry")).isEqualTo(exported.rows().get("domain_event_entry"))
			.isPositive();
		assertThat(restored.rows().get("scheduled_tasks")).isEqualTo(exported.rows().get("scheduled_tasks"))
			.isPositive();

		try (ConfigurableApplicationContext node = start(empty)) {
			node.getBean(ProjectionSync.class).awaitProjections();
			Api again = new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));

			assertThat(ok(again.get("staff", Api.fund(fund)))).isEqualTo(ok(this.api.get("staff", Api.fund(fund))));
			assertThat(ok(again.get("auditor", Api.movements(fund))))
				.isEqualTo(ok(this.api.get("auditor", Api.movements(fund))));
			assertThat(ok(again.get("applicant1", Api.application(id))))
				.isEqualTo(ok(this.api.get("applicant1", Api.application(id))));
			assertThat(ok(again.get("applicant1", Api.application(id) + "/documents")))
				.isEqualTo(ok(this.api.get("applicant1", Api.application(id) + "/documents")));
			assertThat(again.get("applicant1", Api.application(id) + "/documents/" + document).body())
				.isEqualTo(new String(notice, StandardCharsets.US_ASCII));
			assertThat(new JdbcTemplate(restoredDatabase).queryForList("SELECT task_instance FROM scheduled_tasks"))
				.isEqualTo(this.jdbc.queryForList("SELECT task_instance FROM scheduled_tasks"));
			String meetings = "SELECT m.title, m.held_on, m.status, i.application_id, i.position, i.what_if_amount "
					+ "FROM meeting m JOIN meeting_item i ON i.meeting_id = m.meeting_id WHERE m.meeting_id = ?";
			assertThat(new JdbcTemplate(restoredDatabase).queryForList(meetings, meeting))
				.isEqualTo(this.jdbc.queryForList(meetings, meeting))
				.hasSize(1);

			// and it goes on: a new event follows the restored ones
			JsonNode adjusted = ok(again.post("staff", Api.budgetAdjustments(fund),
					"{\"amount\":100.00,\"reason\":\"nach der Wiederherstellung\"}"));
			assertThat(adjusted.get("budget").decimalValue()).isEqualByComparingTo("35100.00");
		}
	}

	/**
	 * A second server on the restored database, without demo data: the accounts came
	 * back.
	 */
	private static ConfigurableApplicationContext start(TestDatabase.Choice database) {
		return new SpringApplicationBuilder(GrantsServerApplication.class).run("--grants.test.database=false",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--server.port=0",
				"--spring.profiles.active=restored");
	}

}
