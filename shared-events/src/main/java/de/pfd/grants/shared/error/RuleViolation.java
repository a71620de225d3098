package de.pfd.grants.shared.error;

/**
 * The details of a refused command: travels inside Axon's CommandExecutionException, also
 * through Axon Server, so that the HTTP side can answer with the right status and a clear
 * message.
 */
public record RuleViolation(ErrorCode code, String message, String field) {

	public RuleViolation(ErrorCode code, String message) {
		this(code, message, null);
	}

}
