package de.pfd.grants.persistence.chain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code domain_event_entry} exactly as stored (what the chain hashes). */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
		String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {

	/** The columns {@link #read} reads, in its order. */
	public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
			+ "payload_type, payload_revision, time_stamp, payload, meta_data";

	/** Reads the columns of {@link #COLUMNS} starting at the given column. */
	public static StoredEvent read(ResultSet rs, int first) throws SQLException {
		return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
				rs.getLong(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
				rs.getString(first + 7), rs.getBytes(first + 8), rs.getBytes(first + 9));
	}

}
