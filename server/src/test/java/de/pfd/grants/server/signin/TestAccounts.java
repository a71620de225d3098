package de.pfd.grants.server.signin;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Accounts of their own for the sign-in tests: no test shares their counters or caches.
 */
final class TestAccounts {

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final JdbcTemplate jdbc;

	TestAccounts(AccountStore accounts, PasswordEncoder passwords, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** A new applicant of the demo partnership with this password; answers its name. */
	String create(String password) {
		String username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createIfAbsent(new GrantsUser(username, this.passwords.encode(password), Role.APPLICANT,
				new PartnershipId("kreis-mettmann"), null, "Testperson " + username, "Testverein", true, null, false));
		return username;
	}

	/** Gives the account a verified e-mail address; answers it. */
	String verifyEmail(String username) {
		String email = username + "@example.org";
		this.jdbc.update("UPDATE app_user SET email = ?, email_verified_at = CURRENT_TIMESTAMP WHERE username = ?",
				email, username);
		return email;
	}

	/** Sets a new password straight in the table (as the account management will). */
	void setPassword(String username, String password) {
		this.jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", this.passwords.encode(password),
				username);
	}

}
