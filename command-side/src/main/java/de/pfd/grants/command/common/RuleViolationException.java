package de.pfd.grants.command.common;

import java.util.List;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;

/**
 * A command that breaks a business rule: nothing is applied, the caller gets the code.
 */
public class RuleViolationException extends RuntimeException {

	private final RuleViolation violation;

	public RuleViolationException(ErrorCode code, String message) {
		this(code, message, (String) null);
	}

	public RuleViolationException(ErrorCode code, String message, String field) {
		this(code, message, field == null ? List.of() : List.of(new RuleViolation.FieldViolation(field, message)));
	}

	public RuleViolationException(ErrorCode code, String message, List<RuleViolation.FieldViolation> fields) {
		super(message);
		this.violation = new RuleViolation(code, message, fields);
	}

	public RuleViolation violation() {
		return this.violation;
	}

}
