package de.pfd.grants.command.organisation;

import de.pfd.grants.command.common.Checks;
import de.pfd.grants.shared.error.ErrorCode;

/** What an organisation's fields must be, each refusal naming its field. */
final class OrganisationRules {

	private OrganisationRules() {
	}

	static String name(String name) {
		Checks.check(name != null && !name.isBlank(), ErrorCode.INVALID_INPUT, "Name fehlt / name is required", "name");
		Checks.check(name.strip().length() <= Organisation.MAX_NAME, ErrorCode.INVALID_INPUT,
				"Name zu lang (höchstens " + Organisation.MAX_NAME + " Zeichen) / name too long", "name");
		return name.strip();
	}

	static String optional(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Checks.check(text.strip().length() <= max, ErrorCode.INVALID_INPUT,
				"höchstens " + max + " Zeichen / at most " + max + " characters", field);
		return text.strip();
	}

	static String username(String username) {
		Checks.check(username != null && !username.isBlank() && username.length() <= 64, ErrorCode.INVALID_INPUT,
				"Konto fehlt / an account is required", "username");
		return username;
	}

}
