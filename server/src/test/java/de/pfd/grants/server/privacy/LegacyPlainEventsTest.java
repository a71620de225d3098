package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import de.pfd.grants.persistence.backup.EventStoreBackup;
import de.pfd.grants.persistence.privacy.LegacyEventEncryption;
import de.pfd.grants.persistence.privacy.SubjectKeys;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * Events stored before encryption (revision 1, plain personal texts, as in the fixture):
 * read through the upcaster they are plain until their subject is erased and then read as
 * erased; the migration (V34, also run by the restore of an old backup) encrypts them in
 * place as revision 2, every other figure as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyPlainEventsTest extends ApiTestSupport {

	@Autowired
	EventStore eventStore;

	@Autowired
	SubjectKeys keys;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectMapper json;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void a_plain_revision_1_event_is_upcast_and_reads_as_erased_once_its_subject_is() throws IOException {
		String fund = this.funds.open("ACTION_FUND", TestYears.next(), "20000.00", "5000.00", "1000.00");
		String id = UUID.randomUUID().toString();
		store(id, fund);

		Applicant plain = drafted(id).content().applicant();
		assertThat(plain.contactName()).isEqualTo("Otto Altbestand " + this.tag);
		assertThat(plain.email()).isEqualTo("otto." + this.tag + "@example.org");
		assertThat(drafted(id).content().requestedAmount()).isEqualTo(Money.euros("1000.00"));

		this.keys.erase("application:" + id, Instant.now());

		Applicant erased = drafted(id).content().applicant();
		assertThat(erased.contactName()).isEqualTo(PersonalData.ERASED);
		assertThat(erased.email()).isEqualTo(PersonalData.ERASED);
		assertThat(erased.address()).isEqualTo(PersonalData.ERASED);
		assertThat(erased.legalForm()).isNotNull();
		assertThat(drafted(id).content().title()).isEqualTo("Altbestand");
	}

	@Test
	void the_migration_encrypts_plain_events_in_place_and_keeps_every_other_byte() throws IOException, SQLException {
		String fund = this.funds.open("ACTION_FUND", TestYears.next(), "20000.00", "5000.00", "1000.00");
		String id = UUID.randomUUID().toString();
		String erasedBefore = UUID.randomUUID().toString();
		store(id, fund);
		store(erasedBefore, fund);
		this.keys.erase("application:" + erasedBefore, Instant.now());

		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(LegacyEventEncryption.encrypt(connection)).isGreaterThanOrEqualTo(2);
		}

		String stored = payload(id);
		assertThat(this.jdbc.queryForObject(
				"SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, id))
			.isEqualTo("2");
		assertThat(stored).doesNotContain(this.tag)
			.contains("\"contactName\":\"pd1:application:" + id + ":")
			.contains("\"requestedAmount\":1000.00")
			.contains("\"amount\":1200.00")
			.contains("\"title\":\"Altbestand\"");
		assertThat(drafted(id).content().applicant().contactName()).isEqualTo("Otto Altbestand " + this.tag);
		// the plain texts of a subject erased before the migration are gone from the
		// store
		assertThat(payload(erasedBefore)).doesNotContain(this.tag).contains("\"email\":\"erased\"");
		assertThat(drafted(erasedBefore).content().applicant().email()).isEqualTo(PersonalData.ERASED);
	}

	@Test
	void restoring_a_backup_made_before_encryption_encrypts_its_events() throws IOException, SQLException {
		String id = UUID.randomUUID().toString();
		String row = this.json.createObjectNode()
			.put("global_index", 1)
			.put("aggregate_identifier", id)
			.put("sequence_number", 0)
			.put("type", "Application")
			.put("event_identifier", UUID.randomUUID().toString())
			.put("meta_data", Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)))
			.put("payload", Base64.getEncoder().encodeToString(legacy(id, "kreis-mettmann-action-fund-2096")))
			.put("payload_revision", "1")
			.put("payload_type", ApplicationDrafted.class.getName())
			.put("time_stamp", Instant.now().toString())
			.toString();
		String backup = "{\"format\":\"grants-backup\",\"version\":1,\"tables\":[\"domain_event_entry\"]}\n"
				+ "{\"table\":\"domain_event_entry\",\"row\":" + row + "}\n";
		TestDatabase.Choice empty = TestDatabase.choose();
		DriverManagerDataSource restored = new DriverManagerDataSource(empty.url(), empty.user(), empty.password());
		Flyway.configure().dataSource(restored).locations("classpath:db/migration").load().migrate();

		new EventStoreBackup(restored).restore(new StringReader(backup));

		JdbcTemplate there = new JdbcTemplate(restored);
		assertThat(there.queryForObject("SELECT payload_revision FROM domain_event_entry", String.class))
			.isEqualTo("2");
		String payload = new String(there.queryForObject("SELECT payload FROM domain_event_entry", byte[].class),
				StandardCharsets.UTF_8);
		assertThat(payload).doesNotContain(this.tag).contains("\"email\":\"pd1:application:" + id + ":");
		assertThat(there.queryForObject("SELECT COUNT(*) FROM subject_key WHERE subject = ? AND secret IS NOT NULL",
				Long.class, "application:" + id))
			.isEqualTo(1L);
	}

	/** The fixture: an {@code ApplicationDrafted} as revision 1 stored it. */
	private byte[] legacy(String id, String fund) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/privacy/application-drafted-revision-1.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
				.replace("%APPLICATION%", id)
				.replace("%FUND%", fund)
				.replace("%TAG%", this.tag)
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	private void store(String id, String fund) throws IOException {
		byte[] json = legacy(id, fund);
		this.jdbc.update("""
				INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
				    meta_data, payload, payload_revision, payload_type, time_stamp)
				VALUES (?, 0, 'Application', ?, ?, ?, '1', ?, ?)""", id, UUID.randomUUID().toString(),
				"{}".getBytes(StandardCharsets.UTF_8), json, ApplicationDrafted.class.getName(),
				Instant.now().toString());
	}

	private ApplicationDrafted drafted(String id) {
		return (ApplicationDrafted) this.eventStore.readEvents(id).next().getPayload();
	}

	private String payload(String id) {
		return this.jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
				(rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), id);
	}

}
