package de.pfd.grants.persistence.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import de.pfd.grants.persistence.chain.ChainVerifier.Kind;
import de.pfd.grants.persistence.chain.ChainVerifier.Problem;
import de.pfd.grants.persistence.chain.ChainVerifier.Verification;

/**
 * The chain on the real database (PostgreSQL where it answers): written with the append
 * in its transaction, anchored, verified, and every kind of tampering named.
 */
class EventChainTest {

	private ChainDatabase database;

	private JdbcEventStorageEngine engine;

	private EventChainAnchor anchor;

	private ChainVerifier verifier;

	@BeforeEach
	void database() {
		this.database = new ChainDatabase();
		this.engine = this.database.engine(true);
		this.anchor = new EventChainAnchor(this.database.dataSource, this.database.transactions);
		this.verifier = new ChainVerifier(this.database.dataSource);
	}

	@AfterEach
	void drop() throws Exception {
		this.database.close();
	}

	/**
	 * Three aggregates with several events, two events of no aggregate (chains of one).
	 */
	private List<String> history() {
		List<String> aggregates = List.of(ChainDatabase.aggregate(), ChainDatabase.aggregate(),
				ChainDatabase.aggregate());
		for (int seq = 0; seq < 4; seq++) {
			for (String aggregate : aggregates) {
				this.engine.appendEvents(List.of(ChainDatabase.event(aggregate, seq, "Antrag " + seq)));
			}
		}
		// a batch of two in one append
		String batch = ChainDatabase.aggregate();
		this.engine.appendEvents(List.of(ChainDatabase.event(batch, 0, "eins"), ChainDatabase.event(batch, 1, "zwei")));
		// events of no aggregate: Axon stores them with the event id as aggregate id,
		// sequence 0
		String single = ChainDatabase.aggregate();
		this.engine.appendEvents(List.of(ChainDatabase.event(single, 0, "allein")));
		String other = ChainDatabase.aggregate();
		this.engine.appendEvents(List.of(ChainDatabase.event(other, 0, "auch allein")));
		return aggregates;
	}

	@Test
	void every_appended_event_is_chained_and_the_history_verifies() throws Exception {
		history();

		assertThat(this.database.count("event_chain")).isEqualTo(16)
			.isEqualTo(this.database.count("domain_event_entry"));
		Verification unanchored = this.verifier.verify();
		assertThat(unanchored.valid()).isTrue();
		assertThat(unanchored.events()).isEqualTo(16);
		assertThat(unanchored.problems()).isEmpty();
		List<Long> positions = this.database.positions();
		assertThat(unanchored.position()).isEqualTo(positions.get(15));

		EventChainAnchor.Head head = this.anchor.anchor(Duration.ZERO);

		assertThat(head.position()).isEqualTo(positions.get(15));
		Verification anchored = this.verifier.verify();
		assertThat(anchored.valid()).isTrue();
		// the head verification computes is the one the anchor stored
		assertThat(anchored.head()).isEqualTo(head.hash()).hasSize(64);
		assertThat(this.anchor.head()).contains(head);
		assertThat(this.database.count("event_chain WHERE global_hash IS NULL")).isZero();
	}

	@Test
	void a_head_printed_at_a_position_is_proven_later_with_up_to() throws Exception {
		history();
		EventChainAnchor.Head printed = this.anchor.anchor(Duration.ZERO);
		String more = ChainDatabase.aggregate();
		this.engine.appendEvents(List.of(ChainDatabase.event(more, 0, "später")));
		this.anchor.anchor(Duration.ZERO);

		Verification then = this.verifier.verify(printed.position());
		Verification now = this.verifier.verify();

		assertThat(then.valid()).isTrue();
		assertThat(then.head()).isEqualTo(printed.hash());
		assertThat(then.position()).isEqualTo(printed.position());
		assertThat(then.events()).isEqualTo(16);
		assertThat(now.head()).isNotEqualTo(printed.hash());
		assertThat(now.events()).isEqualTo(17);
	}

	@Test
	void the_anchor_leaves_rows_younger_than_its_safety_delay() {
		history();

		EventChainAnchor.Head head = this.anchor.anchor(Duration.ofHours(1));

		assertThat(head.position()).isZero();
		assertThat(head.hash()).isNull();
		assertThat(this.database.count("event_chain WHERE global_hash IS NULL")).isEqualTo(16);
	}

	@Test
	void a_rolled_back_append_leaves_no_chain_row() {
		String aggregate = ChainDatabase.aggregate();
		new TransactionTemplate(this.database.transactions).executeWithoutResult(status -> {
			this.engine.appendEvents(List.of(ChainDatabase.event(aggregate, 0, "zurückgerollt")));
			assertThat(this.database.count("event_chain")).isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(this.database.count("domain_event_entry")).isZero();
		assertThat(this.database.count("event_chain")).isZero();
	}

	@Test
	void a_chain_row_that_cannot_be_written_rolls_the_event_back() {
		String aggregate = ChainDatabase.aggregate();
		// a chain row in the way: the same aggregate and sequence
		this.database.jdbc.update("""
				INSERT INTO event_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash,
				    chained_at) VALUES (999999, 'im-weg', ?, 0, ?, CURRENT_TIMESTAMP)""", aggregate,
				EventHashes.GENESIS);

		assertThatThrownBy(
				() -> this.engine.appendEvents(List.of(ChainDatabase.event(aggregate, 0, "nicht gespeichert"))));

		assertThat(this.database.count("domain_event_entry")).isZero();
		assertThat(this.database.count("event_chain")).isEqualTo(1);
	}

	@Test
	void verification_names_an_edited_byte_a_deleted_row_and_two_swapped_rows() throws Exception {
		history();
		this.anchor.anchor(Duration.ZERO);
		List<Long> positions = this.database.positions();
		// the second event of the first aggregate: one payload byte edited
		long edited = positions.get(3);
		byte[] payload = this.database.jdbc
			.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, edited);
		payload[payload.length / 2] ^= 1;
		this.database.jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, edited);
		// an event of the second aggregate deleted
		long deleted = positions.get(7);
		this.database.jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", deleted);
		// the two events of no aggregate swapped (through a temporary position)
		long first = positions.get(14);
		long second = positions.get(15);
		this.database.jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
		this.database.jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first,
				second);
		this.database.jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);

		Verification verification = this.verifier.verify();

		assertThat(verification.valid()).isFalse();
		assertThat(verification.head()).isNull();
		assertThat(verification.problems()).extracting(Problem::position, Problem::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(edited, Kind.changed),
					org.assertj.core.groups.Tuple.tuple(deleted, Kind.missing),
					org.assertj.core.groups.Tuple.tuple(first, Kind.reordered),
					org.assertj.core.groups.Tuple.tuple(second, Kind.reordered));
		assertThat(verification.firstBroken()).isEqualTo(verification.problems().get(0));
		assertThat(verification.firstBroken().eventId()).isNotBlank();
		assertThat(verification.firstBroken().reason()).contains("Prüfsumme");
	}

	@Test
	void an_event_written_past_the_chain_is_named_inserted() throws Exception {
		history();
		this.anchor.anchor(Duration.ZERO);
		this.database.jdbc.update("""
				INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
				    payload, payload_type, time_stamp)
				VALUES ('fund-x', 0, 'Fund', 'untergeschoben', ?, 'de.pfd.FundOpened', '2026-01-01T00:00:00Z')""",
				(Object) "{}".getBytes());

		Verification verification = this.verifier.verify();

		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBroken().problem()).isEqualTo(Kind.inserted);
		assertThat(verification.firstBroken().eventId()).isEqualTo("untergeschoben");
	}

	@Test
	void a_row_removed_with_its_chain_row_breaks_the_aggregate_and_the_global_chain() throws Exception {
		history();
		this.anchor.anchor(Duration.ZERO);
		List<Long> positions = this.database.positions();
		long removed = positions.get(4);
		this.database.jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", removed);
		this.database.jdbc.update("DELETE FROM event_chain WHERE global_index = ?", removed);

		Verification verification = this.verifier.verify();

		assertThat(verification.valid()).isFalse();
		// the global chain breaks at the next row, the aggregate's sequence at its next
		// event
		assertThat(verification.problems()).extracting(Problem::position, Problem::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(positions.get(5), Kind.missing),
					org.assertj.core.groups.Tuple.tuple(positions.get(7), Kind.missing));
	}

	@Test
	void a_chain_row_that_the_anchor_passed_is_named_inserted() throws Exception {
		history();
		this.anchor.anchor(Duration.ZERO);
		// as if a transaction had committed a lower position after the anchor passed it
		long late = this.database.positions().get(2);
		this.database.jdbc.update("UPDATE event_chain SET global_hash = NULL WHERE global_index = ?", late);

		Verification verification = this.verifier.verify();

		assertThat(verification.firstBroken().position()).isEqualTo(late);
		assertThat(verification.firstBroken().problem()).isEqualTo(Kind.inserted);
	}

	@Test
	void concurrent_appends_to_different_and_to_the_same_aggregates_still_verify() throws Exception {
		String shared = ChainDatabase.aggregate();
		this.engine.appendEvents(List.of(ChainDatabase.event(shared, 0, "geteilt")));
		int threads = 6;
		int appends = 15;
		List<Thread> workers = new ArrayList<>();
		List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger sharedAppends = new java.util.concurrent.atomic.AtomicInteger();
		for (int t = 0; t < threads; t++) {
			workers.add(new Thread(() -> {
				try {
					String own = ChainDatabase.aggregate();
					for (int i = 0; i < appends; i++) {
						this.engine.appendEvents(List.of(ChainDatabase.event(own, i, "eigen " + i)));
						// the shared aggregate: the loser of a race retries with the next
						// number
						while (true) {
							long next = this.engine.lastSequenceNumberFor(shared).orElse(-1L) + 1;
							try {
								this.engine.appendEvents(List.of(ChainDatabase.event(shared, next, "geteilt " + next)));
								sharedAppends.incrementAndGet();
								break;
							}
							catch (RuntimeException conflict) {
								// the unique (aggregate, sequence): somebody else was
								// first
							}
						}
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		workers.forEach(Thread::start);
		for (Thread worker : workers) {
			worker.join();
		}
		assertThat(failures).isEmpty();
		this.anchor.anchor(Duration.ZERO);

		Verification verification = this.verifier.verify();

		assertThat(verification.problems()).isEmpty();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(1 + threads * appends + sharedAppends.get())
			.isEqualTo(1 + 2L * threads * appends);
	}

}
