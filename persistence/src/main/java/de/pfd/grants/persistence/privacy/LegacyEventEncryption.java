package de.pfd.grants.persistence.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Encrypts the personal texts of events stored before encryption (revision 1 of
 * {@link PersonalDataUpcaster#PLAIN_IN_REVISION_1}) in place, once: each text with its
 * subject's key (made here if new), the event then stored as revision 2. Every other byte
 * of the payload stays as it was written (numbers keep their digits). Run by the
 * migration V34 and by the restore of a backup made before it, on their connection and in
 * their transaction.
 */
public final class LegacyEventEncryption {

	/** Keeps numbers as written: {@code 4500.00} stays {@code 4500.00}. */
	private static final ObjectMapper JSON = JsonMapper.builder()
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
		.build();

	private static final int BATCH = 500;

	private LegacyEventEncryption() {
	}

	private record Stored(long globalIndex, String type, byte[] payload) {
	}

	/** Encrypts every plain event in the database of the connection; answers how many. */
	public static int encrypt(Connection connection) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		PersonalDataCipher cipher = new PersonalDataCipher(
				new SubjectKeys(jdbc, Clock.systemUTC(), Duration.ofDays(1)));
		List<String> types = PersonalDataUpcaster.PLAIN_IN_REVISION_1.stream().map(Class::getName).toList();
		String in = String.join(", ", types.stream().map(type -> "?").toList());
		int encrypted = 0;
		long after = -1;
		while (true) {
			Object[] args = new Object[types.size() + 2];
			args[0] = PersonalDataUpcaster.PLAIN_REVISION;
			args[1] = after;
			for (int i = 0; i < types.size(); i++) {
				args[i + 2] = types.get(i);
			}
			List<Stored> batch = jdbc.query(
					"SELECT global_index, payload_type, payload FROM domain_event_entry"
							+ " WHERE payload_revision = ? AND global_index > ? AND payload_type IN (" + in + ")"
							+ " ORDER BY global_index LIMIT " + BATCH,
					(rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3)), args);
			for (Stored event : batch) {
				byte[] payload = encrypted(event, cipher);
				jdbc.update("UPDATE domain_event_entry SET payload = ?, payload_revision = ? WHERE global_index = ?",
						payload, PersonalDataUpcaster.ENCRYPTED_REVISION, event.globalIndex());
				encrypted++;
				after = event.globalIndex();
			}
			if (batch.size() < BATCH) {
				return encrypted;
			}
		}
	}

	private static byte[] encrypted(Stored event, PersonalDataCipher cipher) {
		Class<?> type = PersonalDataUpcaster.plainType(event.type(), PersonalDataUpcaster.PLAIN_REVISION);
		try {
			JsonNode payload = JSON.readTree(event.payload());
			PersonalDataTree.rewrite(payload, type, cipher::encrypt);
			return JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("event " + event.globalIndex() + " could not be encrypted", ex);
		}
	}

}
