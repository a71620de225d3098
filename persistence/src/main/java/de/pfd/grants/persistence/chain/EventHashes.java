package de.pfd.grants.persistence.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of the chain (ADR 0011). An event's hash is SHA-256 over the previous hash
 * of the same aggregate (32 bytes; 32 zero bytes before its first event) and the stored
 * row in its canonical form: event identifier, aggregate identifier, sequence number,
 * type, payload type, payload revision, time stamp (UTF-8 strings), payload and metadata
 * (the stored bytes), each prefixed by its length as a 4-byte big-endian integer (-1 for
 * NULL), the sequence number as 8 bytes. The global chain is SHA-256(previous global hash
 * || hash) in the order of the global index. Not thread-safe: one instance per thread.
 */
public final class EventHashes {

	/** The previous hash of an aggregate's first event and of the first global hash. */
	public static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	private static final byte[] ZERO = new byte[32];

	private final MessageDigest digest;

	private final byte[] length = new byte[8];

	public EventHashes() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The hash of one stored event after the previous hash of its aggregate. */
	public byte[] event(byte[] previous, StoredEvent event) {
		this.digest.update(previous == null ? ZERO : previous);
		string(event.eventIdentifier());
		string(event.aggregateIdentifier());
		long sequence = event.sequenceNumber();
		for (int i = 0; i < 8; i++) {
			this.length[i] = (byte) (sequence >>> (56 - 8 * i));
		}
		this.digest.update(this.length, 0, 8);
		string(event.type());
		string(event.payloadType());
		string(event.payloadRevision());
		string(event.timeStamp());
		bytes(event.payload());
		bytes(event.metaData());
		return this.digest.digest();
	}

	/** The global hash of a row after the previous global hash. */
	public byte[] global(byte[] previous, byte[] hash) {
		this.digest.update(previous == null ? ZERO : previous);
		this.digest.update(hash);
		return this.digest.digest();
	}

	private void string(String value) {
		bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
	}

	private void bytes(byte[] value) {
		int n = value == null ? -1 : value.length;
		this.length[0] = (byte) (n >>> 24);
		this.length[1] = (byte) (n >>> 16);
		this.length[2] = (byte) (n >>> 8);
		this.length[3] = (byte) n;
		this.digest.update(this.length, 0, 4);
		if (value != null) {
			this.digest.update(value);
		}
	}

	public static String hex(byte[] hash) {
		return HEX.formatHex(hash);
	}

	/**
	 * The bytes of a stored hash; null for NULL, for a malformed one 32 bytes nobody
	 * computes.
	 */
	public static byte[] bytes(String hex) {
		if (hex == null) {
			return null;
		}
		String trimmed = hex.trim();
		if (trimmed.length() != 64) {
			return new byte[33];
		}
		try {
			return HEX.parseHex(trimmed);
		}
		catch (IllegalArgumentException ex) {
			return new byte[33];
		}
	}

}
