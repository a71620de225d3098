package de.pfd.grants.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Chooses the database for integration tests: the local PostgreSQL when it answers, each
 * Spring context in a schema of its own (swept by a later run); otherwise embedded H2,
 * and it says so. With {@code GRANTS_TEST_REQUIRE_POSTGRES=true} (set by CI) it refuses
 * to fall back.
 */
public final class TestDatabase {

	public static final String REQUIRE_POSTGRES = "GRANTS_TEST_REQUIRE_POSTGRES";

	static final String URL = env("GRANTS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("GRANTS_TEST_PG_USER", "postgres");

	static final String PASSWORD = env("GRANTS_TEST_PG_PASSWORD", "");

	private TestDatabase() {
	}

	/** Schemas of earlier runs older than this are dropped when a new one is made. */
	static final long STALE_AFTER_SECONDS = 3 * 3600;

	/** A database for one test context. */
	public record Choice(String url, String user, String password, String schema, boolean postgres) {
	}

	public static Choice choose() {
		long now = System.currentTimeMillis() / 1000;
		String schema = "it_" + now + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
			dropStaleSchemas(c, now);
			s.execute("CREATE SCHEMA " + schema);
			String separator = URL.contains("?") ? "&" : "?";
			System.out.println("[test-db] PostgreSQL " + URL + ", schema " + schema);
			return new Choice(URL + separator + "currentSchema=" + schema, USER, PASSWORD, schema, true);
		}
		catch (SQLException ex) {
			if (Boolean.parseBoolean(System.getenv(REQUIRE_POSTGRES))) {
				throw new IllegalStateException(
						"PostgreSQL at " + URL + " is required (" + REQUIRE_POSTGRES + "=true) but not reachable", ex);
			}
			System.out.println("[test-db] WARNING: PostgreSQL at " + URL + " is not reachable (" + ex.getMessage()
					+ "): integration tests FALL BACK to embedded H2");
			return new Choice("jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
					"sa", "", schema, false);
		}
	}

	/**
	 * Schemas are left behind when a test JVM ends (its contexts may still be closing),
	 * so each new one sweeps those of runs that ended long ago: running the suite twice
	 * in a row stays clean.
	 */
	private static void dropStaleSchemas(Connection c, long now) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(
						"SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'it\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.split("_");
				if (parts.length == 3 && parts[1].matches("\\d+")
						&& now - Long.parseLong(parts[1]) > STALE_AFTER_SECONDS) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			try (Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
			}
			catch (SQLException ex) {
				System.out.println("[test-db] could not drop stale schema " + name + ": " + ex.getMessage());
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
