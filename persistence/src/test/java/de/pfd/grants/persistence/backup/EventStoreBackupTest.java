package de.pfd.grants.persistence.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import de.pfd.grants.persistence.chain.ChainVerifier;
import de.pfd.grants.persistence.chain.EventChainWriter;

/**
 * The backup's own refusals, on the embedded database: a file that is not a backup, a
 * database that holds events already, and a broken file, which restores nothing.
 */
class EventStoreBackupTest {

	private DriverManagerDataSource source;

	private DriverManagerDataSource target;

	private static DriverManagerDataSource database() {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		return database;
	}

	@BeforeEach
	void databases() {
		this.source = database();
		this.target = database();
		JdbcTemplate jdbc = new JdbcTemplate(this.source);
		for (int i = 0; i < 3; i++) {
			jdbc.update("""
					INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
					    meta_data, payload, payload_type, payload_revision, time_stamp)
					VALUES ('fund-1', ?, 'Fund', ?, ?, ?, 'de.pfd.FundOpened', '1', '2019-01-07T09:00:00Z')""", i,
					"event-" + i, "{\"userId\":\"staff\"}".getBytes(), ("{\"n\":" + i + "}").getBytes());
		}
		jdbc.update(
				"""
						INSERT INTO app_user (username, password_hash, role, partnership_id, display_name, enabled, created_at)
						VALUES ('staff', '$2a$10$x', 'STAFF', 'kreis-mettmann', 'Staff', TRUE, TIMESTAMP WITH TIME ZONE '2019-01-01 00:00:00+00')""");
	}

	private String backup() throws Exception {
		StringWriter file = new StringWriter();
		new EventStoreBackup(this.source).export(file);
		return file.toString();
	}

	@Test
	void a_backup_restores_every_event_byte_for_byte_and_new_events_follow_them() throws Exception {
		new EventStoreBackup(this.target).restore(new StringReader(backup()));

		JdbcTemplate from = new JdbcTemplate(this.source);
		JdbcTemplate to = new JdbcTemplate(this.target);
		String events = "SELECT global_index, aggregate_identifier, sequence_number, payload, meta_data FROM domain_event_entry ORDER BY global_index";
		assertThat(rows(to, events)).isEqualTo(rows(from, events)).hasSize(3);
		assertThat(to.queryForObject("SELECT password_hash FROM app_user", String.class)).isEqualTo("$2a$10$x");
		to.update("""
				INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
				    payload_type, time_stamp)
				VALUES ('fund-1', 3, 'Fund', 'event-3', X'00', 'x', '2019-01-08T09:00:00Z')""");
		assertThat(to.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class))
			.isEqualTo(from.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class) + 1);
	}

	/** The rows with their bytes readable, so that they compare by content. */
	private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForList(sql).stream().map(row -> {
			Map<String, Object> readable = new LinkedHashMap<>();
			row.forEach((column, value) -> readable.put(column,
					value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : value));
			return readable;
		}).toList();
	}

	@Test
	void a_restored_store_verifies_with_the_same_head() throws Exception {
		// the source's events were written past the chain (SQL): chained as V35 does
		try (var connection = this.source.getConnection()) {
			EventChainWriter.chainUnchained(connection);
		}
		ChainVerifier.Verification before = new ChainVerifier(this.source).verify();
		assertThat(before.valid()).isTrue();

		new EventStoreBackup(this.target).restore(new StringReader(backup()));

		ChainVerifier.Verification after = new ChainVerifier(this.target).verify();
		assertThat(after.valid()).isTrue();
		assertThat(after.events()).isEqualTo(3);
		assertThat(after.head()).isEqualTo(before.head());
		assertThat(new JdbcTemplate(this.target).queryForObject("SELECT head_hash FROM event_chain_anchor WHERE id = 1",
				String.class))
			.isEqualTo(before.head());
	}

	@Test
	void a_backup_made_before_the_chain_existed_is_chained_when_restored() throws Exception {
		String withoutChain = backup().lines()
			.filter(line -> !line.contains("\"table\":\"event_chain\""))
			.reduce("", (file, line) -> file + line + "\n");

		new EventStoreBackup(this.target).restore(new StringReader(withoutChain));

		ChainVerifier.Verification verification = new ChainVerifier(this.target).verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(3);
		assertThat(new JdbcTemplate(this.target).queryForObject("SELECT COUNT(*) FROM event_chain", Long.class))
			.isEqualTo(3);
	}

	@Test
	void a_file_that_is_not_a_backup_is_refused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventStoreBackup(this.target).restore(new StringReader("{\"format\":\"other\"}\n")));
	}

	@Test
	void a_database_that_holds_events_is_not_restored_into() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new EventStoreBackup(this.source).restore(new StringReader(backup())))
			.withMessageContaining("empty");
	}

	@Test
	void a_broken_file_restores_nothing() throws Exception {
		String broken = backup() + "{\"table\":\"domain_event_entry\",\"row\":{\"no_such_column\":1}}\n";

		assertThatThrownBy(() -> new EventStoreBackup(this.target).restore(new StringReader(broken)))
			.hasMessageContaining("no_such_column");
		assertThat(new JdbcTemplate(this.target).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
			.isZero();
	}

}
