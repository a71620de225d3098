package de.pfd.grants.persistence.chain;

import java.io.PrintStream;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.backup.BackupTool;

/**
 * {@code verify [--up-to=POSITION]}: checks the stored history against its chain, on the
 * database the service uses (found as {@link BackupTool} finds it: PostgreSQL while the
 * service runs, the embedded database only while it is stopped), prints the answer of
 * {@code GET /api/audit/verification} and exits 0 when the history is intact, 1 when it
 * is broken (or cannot be read), 2 on a usage error.
 */
public final class ChainVerifyTool {

	private static final String UP_TO = "--up-to=";

	private ChainVerifyTool() {
	}

	/** Whether these command-line arguments ask for a verification. */
	public static boolean wanted(String[] args) {
		return args.length >= 1 && args[0].equals("verify");
	}

	/** Runs it; returns the process's exit code. */
	public static int run(String[] args) {
		return run(args, null, System.out, System.err);
	}

	/**
	 * Runs it on this database (null: the service's, found only once the arguments are
	 * sound), printing to these streams.
	 */
	public static int run(String[] args, DataSource database, PrintStream out, PrintStream err) {
		Long upTo = null;
		if (args.length > 2 || (args.length == 2 && !args[1].startsWith(UP_TO))) {
			err.println("usage: verify [" + UP_TO + "POSITION]");
			return 2;
		}
		if (args.length == 2) {
			try {
				upTo = Long.parseLong(args[1].substring(UP_TO.length()));
			}
			catch (NumberFormatException ex) {
				upTo = -1L;
			}
			if (upTo < 0) {
				err.println("usage: verify [" + UP_TO + "POSITION]: POSITION is a number of at least 0");
				return 2;
			}
		}
		try {
			ChainVerifier.Verification verification = new ChainVerifier(
					database == null ? BackupTool.database(true) : database)
				.verify(upTo);
			out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(verification));
			return verification.valid() ? 0 : 1;
		}
		catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException ex) {
			err.println("verify failed: " + ex.getMessage());
			return 1;
		}
	}

}
