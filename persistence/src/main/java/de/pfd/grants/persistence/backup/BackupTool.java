package de.pfd.grants.persistence.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code backup FILE} and {@code restore FILE} for an office: run on a stopped service,
 * against the database the service uses (the embedded default under
 * {@code GRANTS_DATA_DIR}, or {@code GRANTS_DB_URL}/{@code GRANTS_DB_USER}/
 * {@code GRANTS_DB_PASSWORD}). A restore creates the schema in an empty database and
 * loads the file; at the next start the processors rebuild every read model from the
 * events.
 */
public final class BackupTool {

	private BackupTool() {
	}

	/** Whether these command-line arguments ask for a backup or a restore. */
	public static boolean wanted(String[] args) {
		return args.length >= 1 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs it; returns the process's exit code. */
	public static int run(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: backup FILE | restore FILE");
			return 2;
		}
		boolean restore = args[0].equals("restore");
		// a backup reads what is there (and never creates an empty database); a restore
		// creates the schema first
		DriverManagerDataSource database = database(!restore);
		EventStoreBackup backup = new EventStoreBackup(database);
		Path file = Path.of(args[1]);
		try {
			if (restore) {
				Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					System.out.println("restored from " + file + ": " + backup.restore(in).rows()
							+ "; the read models are rebuilt at the next start");
				}
			}
			else {
				if (Files.exists(file)) {
					System.err.println("backup failed: " + file + " exists already");
					return 1;
				}
				// written aside and moved in place when complete: a failed backup leaves
				// no file
				Path partial = file.resolveSibling(file.getFileName() + ".partial");
				try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
					System.out.println("backup written to " + file + ": " + backup.export(out).rows());
				}
				catch (IOException | SQLException | RuntimeException ex) {
					Files.deleteIfExists(partial);
					throw ex;
				}
				Files.move(partial, file);
			}
			return 0;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			System.err.println(args[0] + " failed: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * The service's database: PostgreSQL as configured, or the embedded default (the same
	 * file as {@code spring.datasource.url} of the {@code embedded} profile). Also the
	 * database of {@code verify} ({@code ChainVerifyTool}).
	 */
	public static DriverManagerDataSource database(boolean mustExist) {
		String url = System.getenv("GRANTS_DB_URL");
		if (url == null || url.isBlank()) {
			String dir = System.getenv().getOrDefault("GRANTS_DATA_DIR", "./data");
			return new DriverManagerDataSource(
					"jdbc:h2:file:" + dir + "/grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
							+ (mustExist ? ";IFEXISTS=TRUE" : ""),
					"sa", "");
		}
		return new DriverManagerDataSource(url, System.getenv().getOrDefault("GRANTS_DB_USER", "postgres"),
				System.getenv().getOrDefault("GRANTS_DB_PASSWORD", ""));
	}

}
