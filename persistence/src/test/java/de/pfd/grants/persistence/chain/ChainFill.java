package de.pfd.grants.persistence.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a scratch database with realistic chained events for the verification's benchmark
 * and smoke test: applications, funds and grants of 3 to 25 events each, interleaved as
 * on a busy office, with JSON payloads of 0.2 to 1.8 KB (a free-text description, an
 * opaque block standing for encrypted personal data) and metadata as the service writes
 * it (user, role, correlation and trace ids). The chain and the global anchor are
 * computed while generating, as the engine and the anchor would; on PostgreSQL through
 * COPY, elsewhere through batched INSERTs.
 */
final class ChainFill {

	private static final String[] TYPES = { "ApplicationDrafted", "ApplicationSubmitted", "ApplicationAmended",
			"VoteOpened", "VoteCast", "ApplicationDecided", "GrantIssued", "PayoutRequested", "PayoutMade",
			"ProofOfUseSubmitted", "FundOpened", "MoneyReserved" };

	private static final String[] WORDS = { "Demokratie", "Jugend", "Workshop", "Stadtteil", "Begegnung", "Vielfalt",
			"Projekt", "Kultur", "Beteiligung", "Verein", "Schule", "Nachbarschaft", "Festival", "Dialog", "Zukunft" };

	private static final int CHUNK = 20_000;

	private ChainFill() {
	}

	private static final class Aggregate {

		final String id = UUID.randomUUID().toString();

		final String kind;

		final int length;

		long next;

		byte[] hash;

		Aggregate(Random random) {
			this.kind = new String[] { "Application", "Fund", "Grant" }[random.nextInt(3)];
			this.length = 3 + random.nextInt(23);
		}

	}

	/** Fills in {@code events} events; returns the anchored head. */
	static EventChainAnchor.Head fill(DataSource dataSource, int events, boolean postgres) throws SQLException {
		Random random = new Random(42);
		EventHashes hashes = new EventHashes();
		List<Aggregate> active = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			active.add(new Aggregate(random));
		}
		Instant at = Instant.parse("2024-01-01T08:00:00Z");
		byte[] global = null;
		long position = 0;
		OffsetDateTime chainedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
		try (Connection connection = dataSource.getConnection()) {
			List<StoredEvent> chunk = new ArrayList<>(CHUNK);
			List<String[]> chain = new ArrayList<>(CHUNK);
			for (int n = 0; n < events; n++) {
				int slot = random.nextInt(active.size());
				Aggregate aggregate = active.get(slot);
				at = at.plusMillis(1 + random.nextInt(90_000));
				position++;
				StoredEvent event = new StoredEvent(position, UUID.randomUUID().toString(), aggregate.id,
						aggregate.next, aggregate.kind, "de.pfd.grants.shared." + TYPES[random.nextInt(TYPES.length)],
						random.nextInt(4) == 0 ? "2" : null, at.toString(), payload(random, aggregate),
						metaData(random));
				aggregate.hash = hashes.event(aggregate.hash, event);
				global = hashes.global(global, aggregate.hash);
				chain.add(new String[] { EventHashes.hex(aggregate.hash), EventHashes.hex(global) });
				chunk.add(event);
				if (++aggregate.next == aggregate.length) {
					active.set(slot, new Aggregate(random));
				}
				if (chunk.size() == CHUNK) {
					write(connection, chunk, chain, chainedAt, postgres);
					chunk.clear();
					chain.clear();
				}
			}
			write(connection, chunk, chain, chainedAt, postgres);
			try (PreparedStatement anchor = connection.prepareStatement(
					"UPDATE event_chain_anchor SET anchored_position = ?, head_hash = ?, anchored_at = ? WHERE id = 1")) {
				anchor.setLong(1, position);
				anchor.setString(2, global == null ? null : EventHashes.hex(global));
				anchor.setObject(3, chainedAt);
				anchor.executeUpdate();
			}
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH " + (position + 1));
				if (postgres) {
					statement.execute("ANALYZE domain_event_entry");
					statement.execute("ANALYZE event_chain");
				}
			}
		}
		return new EventChainAnchor.Head(position, global == null ? null : EventHashes.hex(global));
	}

	private static byte[] payload(Random random, Aggregate aggregate) {
		StringBuilder text = new StringBuilder();
		int words = 10 + random.nextInt(200);
		for (int i = 0; i < words; i++) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
		}
		byte[] personal = new byte[48 + random.nextInt(160)];
		random.nextBytes(personal);
		String json = "{\"" + aggregate.kind.toLowerCase() + "Id\":\"" + aggregate.id + "\",\"fundId\":\"fund-"
				+ random.nextInt(40) + "\",\"title\":\"" + WORDS[random.nextInt(WORDS.length)] + " "
				+ WORDS[random.nextInt(WORDS.length)] + "\",\"amount\":{\"cents\":" + random.nextInt(5_000_000)
				+ ",\"currency\":\"EUR\"},\"description\":\"" + text.toString().trim()
				+ "\",\"applicant\":{\"encrypted\":\"" + Base64.getEncoder().encodeToString(personal) + "\"}}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] metaData(Random random) {
		return ("{\"userId\":\"user-" + random.nextInt(300) + "\",\"userRole\":\"STAFF\",\"correlationId\":\""
				+ UUID.randomUUID() + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Connection connection, List<StoredEvent> events, List<String[]> chain,
			OffsetDateTime chainedAt, boolean postgres) throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		if (postgres) {
			copy(connection, events, chain, chainedAt);
			return;
		}
		try (PreparedStatement insertEvent = connection.prepareStatement(
				"INSERT INTO domain_event_entry (" + StoredEvent.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				PreparedStatement insertChain = connection.prepareStatement("INSERT INTO event_chain (global_index, "
						+ "event_identifier, aggregate_identifier, sequence_number, hash, chained_at, global_hash) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			for (int i = 0; i < events.size(); i++) {
				StoredEvent e = events.get(i);
				insertEvent.setLong(1, e.globalIndex());
				insertEvent.setString(2, e.eventIdentifier());
				insertEvent.setString(3, e.aggregateIdentifier());
				insertEvent.setLong(4, e.sequenceNumber());
				insertEvent.setString(5, e.type());
				insertEvent.setString(6, e.payloadType());
				insertEvent.setString(7, e.payloadRevision());
				insertEvent.setString(8, e.timeStamp());
				insertEvent.setBytes(9, e.payload());
				insertEvent.setBytes(10, e.metaData());
				insertEvent.addBatch();
				insertChain.setLong(1, e.globalIndex());
				insertChain.setString(2, e.eventIdentifier());
				insertChain.setString(3, e.aggregateIdentifier());
				insertChain.setLong(4, e.sequenceNumber());
				insertChain.setString(5, chain.get(i)[0]);
				insertChain.setObject(6, chainedAt);
				insertChain.setString(7, chain.get(i)[1]);
				insertChain.addBatch();
			}
			insertEvent.executeBatch();
			insertChain.executeBatch();
		}
	}

	private static void copy(Connection connection, List<StoredEvent> events, List<String[]> chain,
			OffsetDateTime chainedAt) throws SQLException {
		HexFormat hex = HexFormat.of();
		PGConnection pg = connection.unwrap(PGConnection.class);
		ByteArrayOutputStream rows = new ByteArrayOutputStream(events.size() * 2400);
		for (StoredEvent e : events) {
			String line = e.globalIndex() + "\t" + e.eventIdentifier() + "\t" + e.aggregateIdentifier() + "\t"
					+ e.sequenceNumber() + "\t" + e.type() + "\t" + e.payloadType() + "\t"
					+ (e.payloadRevision() == null ? "\\N" : e.payloadRevision()) + "\t" + e.timeStamp() + "\t\\\\x"
					+ hex.formatHex(e.payload()) + "\t\\\\x" + hex.formatHex(e.metaData()) + "\n";
			rows.writeBytes(line.getBytes(StandardCharsets.UTF_8));
		}
		copyIn(pg, "COPY domain_event_entry (" + StoredEvent.COLUMNS + ") FROM STDIN", rows.toByteArray());
		rows.reset();
		String at = chainedAt.toString();
		for (int i = 0; i < events.size(); i++) {
			StoredEvent e = events.get(i);
			String line = e.globalIndex() + "\t" + e.eventIdentifier() + "\t" + e.aggregateIdentifier() + "\t"
					+ e.sequenceNumber() + "\t" + chain.get(i)[0] + "\t" + at + "\t" + chain.get(i)[1] + "\n";
			rows.writeBytes(line.getBytes(StandardCharsets.UTF_8));
		}
		copyIn(pg, "COPY event_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash, "
				+ "chained_at, global_hash) FROM STDIN", rows.toByteArray());
	}

	private static void copyIn(PGConnection pg, String sql, byte[] rows) throws SQLException {
		CopyIn copy = pg.getCopyAPI().copyIn(sql);
		try {
			copy.writeToCopy(rows, 0, rows.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

}
