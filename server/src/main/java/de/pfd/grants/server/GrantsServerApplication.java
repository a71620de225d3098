package de.pfd.grants.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import de.pfd.grants.persistence.Offline;
import de.pfd.grants.persistence.backup.BackupTool;
import de.pfd.grants.persistence.chain.ChainVerifyTool;
import de.pfd.grants.server.setup.Setup;

/**
 * The all-in-one server: HTTP API, security, and (unless
 * {@code grants.embedded-sides=false}) the command side and the query side in the same
 * JVM. The same jar makes and restores backups ({@link BackupTool}) and verifies the
 * history's chain ({@link ChainVerifyTool}).
 */
@SpringBootApplication
public class GrantsServerApplication {

	/**
	 * Starts the server; {@code backup FILE}, {@code restore FILE}, {@code verify} or
	 * {@code setup …} ({@link Setup}) runs that instead.
	 */
	public static void main(String[] args) {
		Offline.noUpdateChecks();
		if (BackupTool.wanted(args)) {
			System.exit(BackupTool.run(args));
		}
		if (ChainVerifyTool.wanted(args)) {
			System.exit(ChainVerifyTool.run(args));
		}
		if (Setup.wanted(args)) {
			System.exit(Setup.run(args));
		}
		SpringApplication.run(GrantsServerApplication.class, args);
	}

}
