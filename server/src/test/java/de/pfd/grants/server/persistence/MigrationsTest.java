package de.pfd.grants.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The schema as Flyway leaves it on the test database, and what Axon writes into it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	Serializer serializer;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer eventSerializer;

	@Autowired
	@Qualifier("messageSerializer")
	Serializer messageSerializer;

	@Value("${grants.test.postgres:false}")
	boolean postgres;

	@Test
	void every_migration_is_applied_successfully() {
		assertThat(this.flyway.info().pending()).isEmpty();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
			.isZero();
		// the newest migration on the class path is the one applied last
		var all = this.flyway.info().all();
		assertThat(this.flyway.info().current().getVersion()).isEqualTo(all[all.length - 1].getVersion());
		assertThat(all).hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void postgres_holds_no_large_objects_and_binary_columns_are_bytea() {
		assumeTrue(this.postgres, "PostgreSQL-only check (tests run on the H2 fallback)");
		List<String> oids = this.jdbc.queryForList("""
				SELECT table_name || '.' || column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND data_type = 'oid'""", String.class);
		assertThat(oids).isEmpty();
		for (String column : List.of("domain_event_entry.payload", "domain_event_entry.meta_data",
				"snapshot_event_entry.payload", "token_entry.token", "saga_entry.serialized_saga",
				"dead_letter_entry.payload")) {
			String[] parts = column.split("\\.");
			assertThat(this.jdbc.queryForObject("""
					SELECT data_type FROM information_schema.columns
					WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?""", String.class,
					parts[0], parts[1]))
				.as(column)
				.isEqualTo("bytea");
		}
	}

	@Test
	void the_global_event_index_steps_by_one_so_there_are_no_allocation_gaps() {
		assumeTrue(this.postgres, "PostgreSQL-only check (tests run on the H2 fallback)");
		assertThat(this.jdbc.queryForObject("""
				SELECT identity_increment FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'domain_event_entry'
				  AND column_name = 'global_index'""", String.class)).isEqualTo("1");
	}

	@Test
	void axon_serialises_events_messages_and_everything_else_with_jackson_into_readable_json() {
		assertThat(this.serializer).isInstanceOf(JacksonSerializer.class);
		assertThat(this.eventSerializer).isInstanceOf(JacksonSerializer.class);
		assertThat(this.messageSerializer).isInstanceOf(JacksonSerializer.class);
		byte[] payload = this.jdbc.queryForObject(
				"SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%FundOpened' ORDER BY global_index LIMIT 1",
				byte[].class);
		String json = new String(payload, StandardCharsets.UTF_8);
		assertThat(json).startsWith("{").contains("\"budget\":35000.00").contains("\"type\":\"ACTION_FUND\"");
		String revision = this.jdbc.queryForObject(
				"SELECT payload_revision FROM domain_event_entry WHERE payload_type LIKE '%FundOpened' LIMIT 1",
				String.class);
		assertThat(revision).isEqualTo("1");
	}

}
