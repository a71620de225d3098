package de.pfd.grants.command.common;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.money.Money;

/**
 * The small checks every handler of the command side makes, each written once: a
 * condition with its error code and field, a positive amount, a text that is optional or
 * required.
 */
public final class Checks {

	/** Notes, conditions and reasons: at most this many characters. */
	public static final int MAX_TEXT = 4000;

	private Checks() {
	}

	/** A refusal that concerns no single field. */
	public static void check(boolean condition, ErrorCode code, String message) {
		check(condition, code, message, null);
	}

	public static void check(boolean condition, ErrorCode code, String message, String field) {
		if (!condition) {
			throw new RuleViolationException(code, message, field);
		}
	}

	/**
	 * Every amount that moves money must be positive: {@code "<what> must be positive"}.
	 */
	public static Money requirePositive(Money amount, String what, String field) {
		check(amount != null && amount.isPositive(), ErrorCode.INVALID_AMOUNT, what + " must be positive", field);
		return amount;
	}

	/** A text that may be left out: stripped, blank means none. */
	public static String optionalText(String text) {
		check(text == null || text.length() <= MAX_TEXT, ErrorCode.INVALID_INPUT, "at most " + MAX_TEXT + " characters",
				null);
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A text that must be given (a note, a reason), named by its field. */
	public static String requiredText(String text, String message, String field) {
		String value = optionalText(text);
		check(value != null, ErrorCode.INVALID_INPUT, message, field);
		return value;
	}

}
