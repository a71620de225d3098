package de.pfd.grants.shared.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The details of a refused command: travels inside Axon's CommandExecutionException, also
 * through Axon Server, so that the HTTP side can answer with the right status and a clear
 * message. {@code fields} names each offending field (may be empty).
 */
public record RuleViolation(ErrorCode code, String message, List<FieldViolation> fields) {

	@JsonCreator
	public RuleViolation {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	public RuleViolation(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public record FieldViolation(String field, String message) {
	}

}
