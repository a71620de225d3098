package de.pfd.grants.persistence.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Migration V35 chains the events stored before the chain existed; the command line's
 * {@code verify} prints the verification and exits 0 (intact), 1 (broken) or 2 (usage).
 */
class ChainMigrationAndToolTest {

	@Test
	void migration_v35_chains_and_anchors_the_events_stored_before_it() throws Exception {
		try (ChainDatabase database = new ChainDatabase("31")) {
			for (int i = 0; i < 5; i++) {
				database.jdbc.update("""
						INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
						    meta_data, payload, payload_type, payload_revision, time_stamp)
						VALUES (?, ?, 'Fund', ?, ?, ?, 'de.pfd.FundOpened', NULL, '2019-01-07T09:00:00Z')""",
						"fund-" + (i % 2), i / 2, "event-" + i, "{\"userId\":\"staff\"}".getBytes(),
						("{\"n\":" + i + "}").getBytes());
			}

			database.migrate(null);

			assertThat(database.count("event_chain")).isEqualTo(5);
			assertThat(database.count("event_chain WHERE global_hash IS NULL")).isZero();
			ChainVerifier.Verification verification = new ChainVerifier(database.dataSource).verify();
			assertThat(verification.valid()).isTrue();
			assertThat(verification.events()).isEqualTo(5);
			assertThat(database.jdbc.queryForObject("SELECT head_hash FROM event_chain_anchor", String.class))
				.isEqualTo(verification.head());
		}
	}

	@Test
	void the_command_line_exits_0_for_an_intact_history_1_for_a_broken_one_and_2_for_a_usage_error() throws Exception {
		try (ChainDatabase database = new ChainDatabase()) {
			var engine = database.engine(true);
			String aggregate = ChainDatabase.aggregate();
			engine.appendEvents(
					List.of(ChainDatabase.event(aggregate, 0, "eins"), ChainDatabase.event(aggregate, 1, "zwei")));
			new EventChainAnchor(database.dataSource, database.transactions).anchor(Duration.ZERO);

			Run intact = run(database, "verify");
			assertThat(intact.code()).isZero();
			JsonNode answer = new ObjectMapper().readTree(intact.out());
			assertThat(answer.path("valid").asBoolean()).isTrue();
			assertThat(answer.path("events").asLong()).isEqualTo(2);
			assertThat(answer.path("head").asText()).hasSize(64);
			long last = database.positions().get(1);
			assertThat(answer.path("position").asLong()).isEqualTo(last);
			Run upTo = run(database, "verify", "--up-to=" + (last - 1));
			assertThat(upTo.code()).isZero();
			assertThat(new ObjectMapper().readTree(upTo.out()).path("events").asLong()).isEqualTo(1);

			database.jdbc.update(
					"UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' WHERE global_index = ?", last);
			Run broken = run(database, "verify");
			assertThat(broken.code()).isEqualTo(1);
			JsonNode refusal = new ObjectMapper().readTree(broken.out());
			assertThat(refusal.path("valid").asBoolean()).isFalse();
			assertThat(refusal.path("head").isNull()).isTrue();
			assertThat(refusal.path("firstBroken").path("position").asLong()).isEqualTo(last);
			assertThat(refusal.path("firstBroken").path("problem").asText()).isEqualTo("changed");

			assertThat(run(database, "verify", "--up-to=x").code()).isEqualTo(2);
			assertThat(run(database, "verify", "--up-to=-3").code()).isEqualTo(2);
			assertThat(run(database, "verify", "extra").code()).isEqualTo(2);
			assertThat(run(database, "verify", "--up-to=1", "extra").err()).contains("usage");
		}
	}

	private record Run(int code, String out, String err) {
	}

	private static Run run(ChainDatabase database, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ChainVerifyTool.run(args, database.dataSource, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
