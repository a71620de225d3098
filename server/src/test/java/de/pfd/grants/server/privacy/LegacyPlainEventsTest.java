package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.persistence.privacy.LegacyEventEncryption;
import de.pfd.grants.persistence.privacy.SubjectKeys;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.privacy.PersonalData;

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

	private void store(String id, String fund) throws IOException {
		String json;
		try (InputStream in = getClass().getResourceAsStream("/privacy/application-drafted-revision-1.json")) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
				.replace("%APPLICATION%", id)
				.replace("%FUND%", fund)
				.replace("%TAG%", this.tag);
		}
		this.jdbc.update("""
				INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
				    meta_data, payload, payload_revision, payload_type, time_stamp)
				VALUES (?, 0, 'Application', ?, ?, ?, '1', ?, ?)""", id, UUID.randomUUID().toString(),
				"{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
				ApplicationDrafted.class.getName(), Instant.now().toString());
	}

	private ApplicationDrafted drafted(String id) {
		return (ApplicationDrafted) this.eventStore.readEvents(id).next().getPayload();
	}

	private String payload(String id) {
		return this.jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
				(rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), id);
	}

}
