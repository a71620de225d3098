package de.pfd.grants.persistence.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's path in the normal suite, with a few thousand events: the filled store
 * verifies, with the head the fill computed, and one changed byte among them is found.
 */
class ChainVerificationSmokeTest {

	@Test
	void a_few_thousand_realistic_events_verify_and_one_changed_byte_is_found() throws Exception {
		try (ChainDatabase database = new ChainDatabase()) {
			EventChainAnchor.Head head = ChainFill.fill(database.dataSource, 3000, database.choice.postgres());

			ChainVerifier.Verification verification = new ChainVerifier(database.dataSource).verify();

			assertThat(verification.valid()).isTrue();
			assertThat(verification.events()).isEqualTo(3000);
			assertThat(verification.position()).isEqualTo(3000);
			assertThat(verification.head()).isEqualTo(head.hash());

			database.jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = 1234",
					(Object) "{\"userId\":\"someone-else\"}".getBytes());
			ChainVerifier.Verification broken = new ChainVerifier(database.dataSource).verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.position()).isEqualTo(1234))
				.satisfies(problem -> assertThat(problem.problem()).isEqualTo(ChainVerifier.Kind.changed));
		}
	}

}
