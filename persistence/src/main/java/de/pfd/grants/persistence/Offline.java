package de.pfd.grants.persistence;

/**
 * The product makes no outbound connection: Axon's update checker, which would send a
 * machine id, the JVM and the library list to the vendor every minute, is switched off
 * before any service starts (tests never start it).
 */
public final class Offline {

	static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

	private Offline() {
	}

	/** Call first thing in {@code main}. */
	public static void noUpdateChecks() {
		if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
			System.setProperty(UPDATE_CHECKER_DISABLED, "true");
		}
	}

}
