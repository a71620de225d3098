package de.pfd.grants.server;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Accounts of their own for a test, in the demo partnership: no test shares their
 * counters, caches, organisations or body memberships.
 */
public final class TestAccounts {

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final JdbcTemplate jdbc;

	public TestAccounts(AccountStore accounts, PasswordEncoder passwords, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** A new applicant of the demo partnership with this password; answers its name. */
	public String create(String password) {
		String username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createIfAbsent(new GrantsUser(username, this.passwords.encode(password), Role.APPLICANT,
				new PartnershipId("kreis-mettmann"), null, "Testperson " + username, "Testverein", true, null, false));
		return username;
	}

	/**
	 * A new account of the role with the password {@code demo}, named
	 * {@code Testperson <username>}, of no organisation and in no body; answers its name.
	 */
	public String create(Role role) {
		return create(role, new PartnershipId("kreis-mettmann"));
	}

	/** As {@link #create(Role)}, in another partnership. */
	public String create(Role role, PartnershipId partnership) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createIfAbsent(new GrantsUser(username, this.passwords.encode("demo"), role, partnership, null,
				"Testperson " + username, null, true, null, false));
		return username;
	}

	/** Gives the account a verified e-mail address; answers it. */
	public String verifyEmail(String username) {
		String email = username + "@example.org";
		this.jdbc.update("UPDATE app_user SET email = ?, email_verified_at = CURRENT_TIMESTAMP WHERE username = ?",
				email, username);
		return email;
	}

	/** Sets a new password straight in the table (as the account management will). */
	public void setPassword(String username, String password) {
		this.jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", this.passwords.encode(password),
				username);
	}

}
