package de.pfd.grants.persistence.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGStatement;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Checks the whole stored history against its chain (ADR 0011): reads
 * {@code domain_event_entry} and {@code event_chain} side by side in the order of the
 * global index (two cursors with a fetch size, one snapshot), recomputes every event's
 * hash and the global chain, and names every problem found (the first 100).
 */
public final class ChainVerifier {

	/** The most problems one answer lists. */
	public static final int MAX_PROBLEMS = 100;

	private static final int FETCH = 5000;

	/** What verification answers; {@code head} is null when the history is broken. */
	public record Verification(boolean valid, long events, String head, long position,
			@JsonInclude(JsonInclude.Include.NON_NULL) Problem firstBroken,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Problem> problems) {
	}

	/** One place where the stored history does not match its chain. */
	public record Problem(long position, String eventId, Kind problem, String reason) {
	}

	/** What is wrong at a position. */
	public enum Kind {

		/** The stored row does not match its hash. */
		changed,
		/**
		 * A chain row without its event, or a gap in an aggregate's sequence or the
		 * global chain.
		 */
		missing,
		/**
		 * An event without a chain row, or one the anchor did not cover although older.
		 */
		inserted,
		/** An event found at another position than its chain row says. */
		reordered

	}

	private record ChainRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
			String hash, String globalHash) {
	}

	private record Link(long sequence, byte[] hash) {
	}

	private final DataSource dataSource;

	public ChainVerifier(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The whole history. */
	public Verification verify() throws SQLException {
		return verify(null);
	}

	/** The history up to this position (inclusive), or all of it for null. */
	public Verification verify(Long upTo) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				return new Run(upTo).verify(connection);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setTransactionIsolation(isolation);
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	/** One verification's state. */
	private static final class Run {

		private final Long upTo;

		private final EventHashes hashes = new EventHashes();

		private final Map<String, Link> aggregates = new HashMap<>();

		private final List<Problem> problems = new ArrayList<>();

		private int found;

		private byte[] global;

		private long events;

		private long position;

		private long anchored;

		Run(Long upTo) {
			this.upTo = upTo;
		}

		Verification verify(Connection connection) throws SQLException {
			try (PreparedStatement anchor = connection
				.prepareStatement("SELECT anchored_position FROM event_chain_anchor WHERE id = 1");
					ResultSet rs = anchor.executeQuery()) {
				this.anchored = rs.next() ? rs.getLong(1) : 0;
			}
			String bound = this.upTo == null ? "" : " WHERE global_index <= ?";
			try (PreparedStatement events = connection.prepareStatement(
					"SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry" + bound + " ORDER BY global_index");
					PreparedStatement chain = connection
						.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier, "
								+ "sequence_number, hash, global_hash FROM event_chain" + bound
								+ " ORDER BY global_index")) {
				stream(events);
				stream(chain);
				if (this.upTo != null) {
					events.setLong(1, this.upTo);
					chain.setLong(1, this.upTo);
				}
				try (ResultSet e = events.executeQuery(); ResultSet c = chain.executeQuery()) {
					StoredEvent event = e.next() ? StoredEvent.read(e, 1) : null;
					ChainRow row = c.next() ? chainRow(c) : null;
					while (event != null || row != null) {
						if (row == null || (event != null && event.globalIndex() < row.globalIndex())) {
							inserted(event);
							event = e.next() ? StoredEvent.read(e, 1) : null;
						}
						else if (event == null || row.globalIndex() < event.globalIndex()) {
							missing(row);
							row = c.next() ? chainRow(c) : null;
						}
						else {
							both(event, row);
							event = e.next() ? StoredEvent.read(e, 1) : null;
							row = c.next() ? chainRow(c) : null;
						}
					}
				}
			}
			boolean valid = this.found == 0;
			String head = valid ? EventHashes.hex(this.global == null ? new byte[32] : this.global) : null;
			return new Verification(valid, this.events, head, this.position,
					this.problems.isEmpty() ? null : this.problems.get(0), List.copyOf(this.problems));
		}

		/**
		 * Rows in batches of {@link #FETCH}; on PostgreSQL in the binary format (the
		 * payloads' bytes as they are, not hex text to decode).
		 */
		private static void stream(PreparedStatement statement) throws SQLException {
			statement.setFetchSize(FETCH);
			if (statement.isWrapperFor(PGStatement.class)) {
				// a negative threshold: prepared on the server at once, with binary
				// transfer
				statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			}
		}

		private static ChainRow chainRow(ResultSet c) throws SQLException {
			return new ChainRow(c.getLong(1), c.getString(2), c.getString(3), c.getLong(4), c.getString(5),
					c.getString(6));
		}

		private void inserted(StoredEvent event) {
			this.events++;
			this.position = event.globalIndex();
			problem(event.globalIndex(), event.eventIdentifier(), Kind.inserted,
					"Ereignis ohne Eintrag in der Kette / event without a chain row");
		}

		private void missing(ChainRow row) {
			this.position = row.globalIndex();
			problem(row.globalIndex(), row.eventIdentifier(), Kind.missing,
					"Ereignis fehlt, sein Eintrag in der Kette ist noch da / event deleted, its chain row remains");
			// the chain row still links its aggregate and the global chain
			this.aggregates.put(row.aggregateIdentifier(),
					new Link(row.sequenceNumber(), EventHashes.bytes(row.hash())));
			global(row, true);
		}

		private void both(StoredEvent event, ChainRow row) {
			this.events++;
			this.position = event.globalIndex();
			if (!event.eventIdentifier().equals(row.eventIdentifier())) {
				problem(event.globalIndex(), event.eventIdentifier(), Kind.reordered,
						"an dieser Position steht laut Kette Ereignis " + row.eventIdentifier()
								+ " / the chain holds event " + row.eventIdentifier() + " at this position");
				this.aggregates.put(row.aggregateIdentifier(),
						new Link(row.sequenceNumber(), EventHashes.bytes(row.hash())));
				global(row, false);
				return;
			}
			byte[] stored = EventHashes.bytes(row.hash());
			Link previous = this.aggregates.get(event.aggregateIdentifier());
			long expected = previous == null ? 0 : previous.sequence() + 1;
			boolean own = true;
			if (event.sequenceNumber() != expected) {
				own = false;
				problem(event.globalIndex(), event.eventIdentifier(), Kind.missing,
						"Lücke im Verlauf von " + event.aggregateIdentifier() + ": Nummer " + expected + " fehlt vor "
								+ event.sequenceNumber() + " / gap in the aggregate's sequence: " + expected
								+ " missing before " + event.sequenceNumber());
			}
			else if (!event.aggregateIdentifier().equals(row.aggregateIdentifier())
					|| event.sequenceNumber() != row.sequenceNumber()
					|| !Arrays.equals(this.hashes.event(previous == null ? null : previous.hash(), event), stored)) {
				own = false;
				problem(event.globalIndex(), event.eventIdentifier(), Kind.changed,
						"gespeicherte Zeile passt nicht zu ihrer Prüfsumme / stored row does not match its hash");
			}
			this.aggregates.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), stored));
			global(row, own);
		}

		/**
		 * The global chain through this row; reports a break only for a row that is
		 * itself sound.
		 */
		private void global(ChainRow row, boolean report) {
			byte[] next = this.hashes.global(this.global, EventHashes.bytes(row.hash()));
			if (row.globalHash() == null) {
				if (row.globalIndex() <= this.anchored && report) {
					problem(row.globalIndex(), row.eventIdentifier(), Kind.inserted,
							"älter als der Anker, aber nicht von ihm erfasst / older than the anchor but not covered by it");
				}
				this.global = next;
				return;
			}
			byte[] stored = EventHashes.bytes(row.globalHash());
			if (!Arrays.equals(next, stored) && report) {
				problem(row.globalIndex(), row.eventIdentifier(), Kind.missing,
						"die globale Kette setzt hier nicht fort: eine Zeile davor wurde entfernt oder ihre Prüfsumme "
								+ "geändert / the global chain does not continue here: a row before it was removed "
								+ "or its hash rewritten");
			}
			// continue from what is stored, so that one break is reported once
			this.global = stored;
		}

		private void problem(long position, String eventId, Kind kind, String reason) {
			this.found++;
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(new Problem(position, eventId, kind, reason));
			}
		}

	}

}
