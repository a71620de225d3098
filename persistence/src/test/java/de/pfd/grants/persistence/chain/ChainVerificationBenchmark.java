package de.pfd.grants.persistence.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a timed test: fills a scratch PostgreSQL schema with
 * {@code grants.bench.events} (default 1,000,000) realistic chained events
 * ({@link ChainFill}), verifies the whole history and prints events/s, wall time and the
 * machine's load; then the cost of the chain per append (single-event appends, each in
 * its own transaction, Axon's plain engine against the chained one, on the filled store).
 * Run on purpose:
 * {@code ./mvnw -B -o verify -pl persistence -am -Pbenchmark -Dtest=ChainVerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dgrants.bench.events=1000000}.
 */
@Tag("benchmark")
class ChainVerificationBenchmark {

	@Test
	void verify_a_large_history() throws Exception {
		int events = Integer.getInteger("grants.bench.events", 1_000_000);
		int appends = Integer.getInteger("grants.bench.appends", 2_000);
		try (ChainDatabase database = new ChainDatabase()) {
			long fillStart = System.nanoTime();
			EventChainAnchor.Head head = ChainFill.fill(database.dataSource, events, database.choice.postgres());
			double fill = seconds(fillStart);
			long bytes = database.jdbc.queryForObject(
					"SELECT COALESCE(SUM(LENGTH(payload) + LENGTH(meta_data)), 0) FROM domain_event_entry", Long.class);
			print("filled %,d events (%,d MB payload and metadata) in %.1f s; load %s", events, bytes >> 20, fill,
					load());

			ChainVerifier verifier = new ChainVerifier(database.dataSource);
			long start = System.nanoTime();
			ChainVerifier.Verification verification = verifier.verify();
			double wall = seconds(start);
			print("verified %,d events in %.1f s: %,.0f events/s, valid=%s, head %s; load %s", verification.events(),
					wall, verification.events() / wall, verification.valid(), verification.head(), load());
			if (!verification.valid() || !head.hash().equals(verification.head())) {
				throw new AssertionError("the filled history does not verify: " + verification.firstBroken());
			}

			// alternating rounds, the best of each: the machine is shared
			double plain = Double.MAX_VALUE;
			double chained = Double.MAX_VALUE;
			for (int round = 0; round < 3; round++) {
				plain = Math.min(plain, appendCost(database.engine(false), appends));
				chained = Math.min(chained, appendCost(database.engine(true), appends));
			}
			print("append of one event in its own transaction: plain %.2f ms, chained %.2f ms (+%.2f ms); load %s",
					plain, chained, chained - plain, load());
			// the plain engine's events have no chain row: removed before the last check
			database.jdbc.update("DELETE FROM domain_event_entry e WHERE NOT EXISTS "
					+ "(SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)");
			new EventChainAnchor(database.dataSource, database.transactions).anchor(Duration.ZERO);
			ChainVerifier.Verification after = verifier.verify();
			print("after the chained appends and an anchor run: valid=%s, %,d events", after.valid(), after.events());
		}
	}

	/** Milliseconds per append (after a warm-up). */
	private static double appendCost(JdbcEventStorageEngine engine, int appends) {
		for (int i = 0; i < 200; i++) {
			engine.appendEvents(List.of(ChainDatabase.event(ChainDatabase.aggregate(), 0, "warm")));
		}
		String aggregate = ChainDatabase.aggregate();
		long start = System.nanoTime();
		for (int i = 0; i < appends; i++) {
			engine.appendEvents(List.of(ChainDatabase.event(aggregate, i, "Antrag " + i)));
		}
		return (System.nanoTime() - start) / 1e6 / appends;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim() + " (1/5/15 min), "
					+ Runtime.getRuntime().availableProcessors() + " cores";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void print(String format, Object... args) {
		System.out.println("[chain-benchmark] " + String.format(format, args));
	}

}
