package de.pfd.grants.persistence.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The global anchor of the chain (ADR 0011): fills {@code global_hash} = SHA-256(previous
 * global hash || hash) in the order of the global index for chain rows older than a
 * safety delay, and stops at the first younger one, so that a transaction still open with
 * a lower global index is not passed. The anchor row is locked for the run: one writer at
 * a time, on any number of nodes.
 */
public final class EventChainAnchor {

	/** How many rows one query reads. */
	private static final int BATCH = 1000;

	/** The anchored head: the global hash at a position. */
	public record Head(long position, String hash) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	public EventChainAnchor(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Anchors what is older than the delay, in a transaction of its own. */
	public Head anchor(Duration safetyDelay) {
		return this.transactions.execute(
				status -> this.jdbc.execute((ConnectionCallback<Head>) connection -> anchor(connection, safetyDelay)));
	}

	/**
	 * The head as the last anchor run left it; empty before the first event is anchored.
	 */
	public Optional<Head> head() {
		return this.jdbc
			.query("SELECT anchored_position, head_hash FROM event_chain_anchor WHERE id = 1",
					(rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.stream()
			.filter(head -> head.hash() != null)
			.findFirst();
	}

	/** Anchors on the caller's connection, in its transaction. */
	public static Head anchor(Connection connection, Duration safetyDelay) throws SQLException {
		long position;
		String head;
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT anchored_position, head_hash FROM event_chain_anchor WHERE id = 1 FOR UPDATE");
				ResultSet rs = lock.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("event_chain_anchor has no row (migration V32)");
			}
			position = rs.getLong(1);
			head = rs.getString(2);
		}
		OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(safetyDelay);
		EventHashes hashes = new EventHashes();
		byte[] previous = head == null ? null : EventHashes.bytes(head);
		boolean more = true;
		long anchoredPosition = position;
		while (more) {
			List<Long> indexes = new ArrayList<>();
			List<byte[]> globals = new ArrayList<>();
			try (PreparedStatement select = connection
				.prepareStatement("SELECT global_index, hash, chained_at FROM event_chain WHERE global_index > ? "
						+ "ORDER BY global_index FETCH FIRST " + BATCH + " ROWS ONLY")) {
				select.setLong(1, anchoredPosition);
				try (ResultSet rs = select.executeQuery()) {
					int read = 0;
					while (rs.next()) {
						read++;
						OffsetDateTime chainedAt = rs.getObject(3, OffsetDateTime.class);
						if (!chainedAt.isBefore(cutoff)) {
							more = false;
							break;
						}
						previous = hashes.global(previous, EventHashes.bytes(rs.getString(2)));
						indexes.add(rs.getLong(1));
						globals.add(previous);
					}
					more = more && read == BATCH;
				}
			}
			if (indexes.isEmpty()) {
				break;
			}
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE event_chain SET global_hash = ? WHERE global_index = ?")) {
				for (int i = 0; i < indexes.size(); i++) {
					update.setString(1, EventHashes.hex(globals.get(i)));
					update.setLong(2, indexes.get(i));
					update.addBatch();
				}
				update.executeBatch();
			}
			anchoredPosition = indexes.get(indexes.size() - 1);
		}
		if (anchoredPosition == position) {
			return new Head(position, head);
		}
		String hex = EventHashes.hex(previous);
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE event_chain_anchor SET anchored_position = ?, head_hash = ?, anchored_at = ? WHERE id = 1")) {
			update.setLong(1, anchoredPosition);
			update.setString(2, hex);
			update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
			update.executeUpdate();
		}
		return new Head(anchoredPosition, hex);
	}

	/**
	 * After a restore: the anchor row from the restored chain (the last row that carries
	 * a global hash), since the row itself is derived and not in the backup.
	 */
	public static void recompute(Connection connection) throws SQLException {
		long position = 0;
		String head = null;
		try (PreparedStatement select = connection.prepareStatement("SELECT global_index, global_hash FROM "
				+ "event_chain WHERE global_hash IS NOT NULL ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY");
				ResultSet rs = select.executeQuery()) {
			if (rs.next()) {
				position = rs.getLong(1);
				head = rs.getString(2);
			}
		}
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE event_chain_anchor SET anchored_position = ?, head_hash = ?, anchored_at = ? WHERE id = 1")) {
			update.setLong(1, position);
			update.setString(2, head);
			update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
			update.executeUpdate();
		}
	}

}
