package de.pfd.grants.persistence.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.pfd.grants.persistence.privacy.LegacyEventEncryption;

/**
 * A backup an office can make and restore: everything that is not derived, in one file of
 * JSON lines. That is the event store (every event with its metadata, in the order of the
 * store), the accounts with their one-time links, the mail outbox, the Idempotency-Keys,
 * the scheduled deadlines, any saga state, the API clients' access tokens (their hashes)
 * and the content of the documents attached to applications. Snapshots, tracking tokens,
 * dead letters and every read table are derived: after a restore the processors rebuild
 * the read models from the events. Browser sessions are not kept: a restore signs
 * everyone out.
 */
public final class EventStoreBackup {

	/**
	 * The tables a backup holds, in the order they are restored, with the column to order
	 * by.
	 */
	static final Map<String, String> TABLES = tables();

	static final String FORMAT = "grants-backup";

	static final int VERSION = 1;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DataSource dataSource;

	public EventStoreBackup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	private static Map<String, String> tables() {
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put("domain_event_entry", "global_index");
		// the data subjects' keys: without them the events' personal texts read as erased
		// (ADR 0012); an erased subject's row holds no key
		tables.put("subject_key", "subject");
		tables.put("app_user", "username");
		tables.put("scheduled_tasks", "task_name, task_instance");
		tables.put("saga_entry", "saga_id");
		tables.put("association_value_entry", "id");
		tables.put("mail_outbox", "id");
		tables.put("account_token", "token_hash");
		tables.put("idempotency_key", "operation_id");
		// reminders already mailed: a restore must not mail them again
		tables.put("proof_reminder", "application_id, kind, due_on");
		tables.put("vote_reminder", "application_id, round, username");
		// the meetings the office prepared (planning data, not events), before their
		// items
		tables.put("meeting", "meeting_id");
		tables.put("meeting_item", "meeting_id, position, application_id");
		// the documents' content: not derived (the events hold only its SHA-256)
		tables.put("document_content", "document_id");
		// after app_user: each token belongs to an account
		tables.put("access_token", "id");
		return tables;
	}

	/** What a backup or restore moved, per table. */
	public record Counts(Map<String, Integer> rows) {
	}

	/** Writes the backup, read in one transaction (a consistent picture). */
	public Counts export(Writer out) throws SQLException, IOException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		BufferedWriter writer = new BufferedWriter(out);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			ObjectNode header = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
			header.putPOJO("tables", List.copyOf(TABLES.keySet()));
			line(writer, header);
			for (Map.Entry<String, String> table : TABLES.entrySet()) {
				int rows = 0;
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement
							.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue())) {
					ResultSetMetaData meta = rs.getMetaData();
					while (rs.next()) {
						ObjectNode row = JSON.createObjectNode();
						for (int c = 1; c <= meta.getColumnCount(); c++) {
							put(row, meta.getColumnLabel(c).toLowerCase(), rs, c, meta.getColumnType(c));
						}
						line(writer, JSON.createObjectNode().put("table", table.getKey()).set("row", row));
						rows++;
					}
				}
				counts.put(table.getKey(), rows);
			}
			connection.rollback();
		}
		writer.flush();
		return new Counts(counts);
	}

	/**
	 * Restores a backup into a database whose schema is created but holds no events; in
	 * one transaction, so a broken file restores nothing.
	 */
	public Counts restore(Reader in) throws SQLException, IOException {
		BufferedReader reader = new BufferedReader(in);
		JsonNode header = JSON.readTree(reader.readLine());
		if (header == null || !FORMAT.equals(header.path("format").asText())
				|| header.path("version").asInt() != VERSION) {
			throw new IllegalArgumentException(
					"not a backup of this product (format " + FORMAT + ", version " + VERSION + ")");
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException(
							"the database holds events already: restore only into an empty one");
				}
			}
			Map<String, Map<String, Integer>> types = new LinkedHashMap<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode record = JSON.readTree(line);
				String table = record.path("table").asText();
				if (!TABLES.containsKey(table)) {
					throw new IllegalArgumentException("unknown table in backup: " + table);
				}
				Map<String, Integer> columns = types.computeIfAbsent(table, t -> columnTypes(connection, t));
				insert(connection, table, columns, record.path("row"));
				counts.merge(table, 1, Integer::sum);
			}
			continueIdentity(connection);
			// a backup made before crypto-shredding holds plain personal texts (ADR 0012)
			LegacyEventEncryption.encrypt(connection);
			connection.commit();
		}
		return new Counts(counts);
	}

	private static void insert(Connection connection, String table, Map<String, Integer> columns, JsonNode row)
			throws SQLException {
		List<String> names = new ArrayList<>();
		row.fieldNames().forEachRemaining(names::add);
		for (String name : names) {
			if (!columns.containsKey(name)) {
				throw new IllegalArgumentException("unknown column " + table + "." + name);
			}
		}
		String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
				+ String.join(", ", names.stream().map(n -> "?").toList()) + ")";
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			for (int i = 0; i < names.size(); i++) {
				set(insert, i + 1, columns.get(names.get(i)), row.get(names.get(i)));
			}
			insert.executeUpdate();
		}
	}

	/** New events (saga associations, mails) continue after the restored ones. */
	private static void continueIdentity(Connection connection) throws SQLException {
		for (String[] identity : new String[][] { { "domain_event_entry", "global_index" },
				{ "association_value_entry", "id" }, { "mail_outbox", "id" } }) {
			long next;
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT COALESCE(MAX(" + identity[1] + "), 0) + 1 FROM " + identity[0])) {
				rs.next();
				next = rs.getLong(1);
			}
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("ALTER TABLE " + identity[0] + " ALTER COLUMN " + identity[1] + " RESTART WITH " + next);
			}
		}
	}

	private static Map<String, Integer> columnTypes(Connection connection, String table) {
		Map<String, Integer> types = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			ResultSetMetaData meta = rs.getMetaData();
			for (int c = 1; c <= meta.getColumnCount(); c++) {
				types.put(meta.getColumnLabel(c).toLowerCase(), meta.getColumnType(c));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the columns of " + table, ex);
		}
		return types;
	}

	private static void put(ObjectNode row, String name, ResultSet rs, int column, int type) throws SQLException {
		switch (type) {
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				byte[] bytes = rs.getBytes(column);
				row.put(name, bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
			}
			case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
				OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
				row.put(name, at == null ? null : at.toString());
			}
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
				long value = rs.getLong(column);
				if (rs.wasNull()) {
					row.putNull(name);
				}
				else {
					row.put(name, value);
				}
			}
			case Types.BOOLEAN, Types.BIT -> {
				boolean value = rs.getBoolean(column);
				if (rs.wasNull()) {
					row.putNull(name);
				}
				else {
					row.put(name, value);
				}
			}
			default -> row.put(name, rs.getString(column));
		}
	}

	private static void set(PreparedStatement insert, int index, int type, JsonNode value) throws SQLException {
		if (value == null || value.isNull()) {
			insert.setNull(index, type);
			return;
		}
		switch (type) {
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
				insert.setBytes(index, Base64.getDecoder().decode(value.asText()));
			case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
				insert.setObject(index, OffsetDateTime.parse(value.asText()));
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setLong(index, value.asLong());
			case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, value.asBoolean());
			case Types.DATE -> insert.setObject(index, java.time.LocalDate.parse(value.asText()));
			case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new java.math.BigDecimal(value.asText()));
			default -> insert.setString(index, value.asText());
		}
	}

	private static void line(BufferedWriter writer, JsonNode node) throws IOException {
		writer.write(JSON.writeValueAsString(node));
		writer.newLine();
	}

}
