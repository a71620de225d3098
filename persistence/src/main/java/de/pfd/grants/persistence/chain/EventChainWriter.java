package de.pfd.grants.persistence.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chain rows of stored events, on the caller's connection and so in its
 * transaction: after an append ({@link #chain}) and for events stored before the chain
 * existed ({@link #chainUnchained}: migration V35 and a restore of an older backup).
 */
public final class EventChainWriter {

	/** The most identifiers one query names. */
	private static final int CHUNK = 500;

	private static final String INSERT = "INSERT INTO event_chain (global_index, event_identifier, "
			+ "aggregate_identifier, sequence_number, hash, chained_at) VALUES (?, ?, ?, ?, ?, ?)";

	private EventChainWriter() {
	}

	/** An aggregate's last chained event. */
	private record Link(long sequence, byte[] hash) {
	}

	/**
	 * Chains the events with these identifiers, just appended in this transaction: reads
	 * them back as stored, the previous hash of each aggregate in one query, and inserts
	 * their chain rows in one batch.
	 */
	public static int chain(Connection connection, Collection<String> eventIdentifiers) throws SQLException {
		if (eventIdentifiers.isEmpty()) {
			return 0;
		}
		List<StoredEvent> events = new ArrayList<>(eventIdentifiers.size());
		List<String> ids = List.copyOf(eventIdentifiers);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
					+ " FROM domain_event_entry WHERE event_identifier IN (" + marks(chunk.size()) + ")")) {
				for (int i = 0; i < chunk.size(); i++) {
					select.setString(i + 1, chunk.get(i));
				}
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						events.add(StoredEvent.read(rs, 1));
					}
				}
			}
		}
		events.sort((a, b) -> Long.compare(a.globalIndex(), b.globalIndex()));
		// the predecessor of each aggregate's first event in this append
		Map<String, Long> firsts = new LinkedHashMap<>();
		for (StoredEvent event : events) {
			firsts.merge(event.aggregateIdentifier(), event.sequenceNumber(), Math::min);
		}
		Map<String, Link> links = predecessors(connection, firsts);
		EventHashes hashes = new EventHashes();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (StoredEvent event : events) {
				Link previous = links.get(event.aggregateIdentifier());
				byte[] hash = hashes.event(previous == null ? null : previous.hash(), event);
				links.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), hash));
				add(insert, event, hash, now);
			}
			insert.executeBatch();
		}
		return events.size();
	}

	private static Map<String, Link> predecessors(Connection connection, Map<String, Long> firsts) throws SQLException {
		Map<String, Link> links = new HashMap<>();
		List<Map.Entry<String, Long>> wanted = firsts.entrySet()
			.stream()
			.filter(first -> first.getValue() > 0)
			.toList();
		for (int from = 0; from < wanted.size(); from += CHUNK) {
			List<Map.Entry<String, Long>> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
			StringBuilder sql = new StringBuilder(
					"SELECT aggregate_identifier, sequence_number, hash FROM event_chain WHERE ");
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "" : " OR ").append("(aggregate_identifier = ? AND sequence_number = ?)");
			}
			try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
				for (int i = 0; i < chunk.size(); i++) {
					select.setString(2 * i + 1, chunk.get(i).getKey());
					select.setLong(2 * i + 2, chunk.get(i).getValue() - 1);
				}
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						links.put(rs.getString(1), new Link(rs.getLong(2), EventHashes.bytes(rs.getString(3))));
					}
				}
			}
		}
		return links;
	}

	/**
	 * Chains every stored event that has no chain row yet, in the order of the global
	 * index, and anchors them: for events stored before the chain existed (migration V35,
	 * a restore of an older backup). Returns how many it chained.
	 */
	public static int chainUnchained(Connection connection) throws SQLException {
		Map<String, Link> links = new HashMap<>();
		EventHashes hashes = new EventHashes();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int chained = 0;
		try (PreparedStatement select = connection.prepareStatement("SELECT " + prefixed("e") + " FROM "
				+ "domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = "
				+ "e.global_index) ORDER BY e.global_index");
				PreparedStatement previous = connection.prepareStatement(
						"SELECT hash FROM event_chain WHERE aggregate_identifier = ? AND sequence_number = ?");
				PreparedStatement insert = connection.prepareStatement(INSERT)) {
			select.setFetchSize(1000);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					StoredEvent event = StoredEvent.read(rs, 1);
					Link link = links.get(event.aggregateIdentifier());
					if (link == null && event.sequenceNumber() > 0) {
						previous.setString(1, event.aggregateIdentifier());
						previous.setLong(2, event.sequenceNumber() - 1);
						try (ResultSet found = previous.executeQuery()) {
							if (found.next()) {
								link = new Link(event.sequenceNumber() - 1, EventHashes.bytes(found.getString(1)));
							}
						}
					}
					byte[] hash = hashes.event(link == null ? null : link.hash(), event);
					links.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), hash));
					add(insert, event, hash, now);
					if (++chained % 1000 == 0) {
						insert.executeBatch();
					}
				}
			}
			insert.executeBatch();
		}
		EventChainAnchor.anchor(connection, Duration.ZERO);
		return chained;
	}

	private static void add(PreparedStatement insert, StoredEvent event, byte[] hash, OffsetDateTime now)
			throws SQLException {
		insert.setLong(1, event.globalIndex());
		insert.setString(2, event.eventIdentifier());
		insert.setString(3, event.aggregateIdentifier());
		insert.setLong(4, event.sequenceNumber());
		insert.setString(5, EventHashes.hex(hash));
		insert.setObject(6, now);
		insert.addBatch();
	}

	private static String prefixed(String alias) {
		return alias + "." + StoredEvent.COLUMNS.replace(", ", ", " + alias + ".");
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

}
