package de.pfd.grants.server.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.Secrets;

/**
 * The secrets of one-time links sent by e-mail. Only a SHA-256 hash is stored; a link
 * works once (consumed atomically, so two clicks cannot both succeed) and expires.
 */
@Component
class AccountTokens {

	/** What a link is for, and how long it is valid. */
	enum Kind {

		VERIFY_EMAIL(Duration.ofDays(2)), INVITATION(Duration.ofDays(7)), PASSWORD_RESET(Duration.ofHours(1)),
		CHANGE_EMAIL(Duration.ofDays(1));

		final Duration validity;

		Kind(Duration validity) {
			this.validity = validity;
		}

	}

	/** Whom a consumed link was for (and the new address, for a change of address). */
	record Use(String username, String newEmail) {
	}

	private final JdbcTemplate jdbc;

	AccountTokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new secret for this account; earlier unused links of the same kind stop working.
	 */
	String issue(Kind kind, String username, String newEmail) {
		String token = Secrets.newSecret();
		Instant now = Instant.now();
		this.jdbc.update("DELETE FROM account_token WHERE username = ? AND kind = ? AND used_at IS NULL", username,
				kind.name());
		this.jdbc.update("""
				INSERT INTO account_token (token_hash, kind, username, new_email, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""", hash(token), kind.name(), username, newEmail,
				now.atOffset(ZoneOffset.UTC), now.plus(kind.validity).atOffset(ZoneOffset.UTC));
		return token;
	}

	/** Uses the link once: empty if unknown, of another kind, used or expired. */
	Optional<Use> consume(String token, Kind... kinds) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		String hash = hash(token);
		for (Kind kind : kinds) {
			int claimed = this.jdbc.update("""
					UPDATE account_token SET used_at = ?
					WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?""",
					Instant.now().atOffset(ZoneOffset.UTC), hash, kind.name(), Instant.now().atOffset(ZoneOffset.UTC));
			if (claimed == 1) {
				return this.jdbc
					.query("SELECT username, new_email FROM account_token WHERE token_hash = ?",
							(rs, i) -> new Use(rs.getString(1), rs.getString(2)), hash)
					.stream()
					.findFirst();
			}
		}
		return Optional.empty();
	}

	/** Whether the link would still work (to show its form), without using it. */
	boolean valid(String token, Kind... kinds) {
		if (!wellFormed(token)) {
			return false;
		}
		for (Kind kind : kinds) {
			Integer n = this.jdbc.queryForObject("""
					SELECT COUNT(*) FROM account_token
					WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?""", Integer.class,
					hash(token), kind.name(), Instant.now().atOffset(ZoneOffset.UTC));
			if (n != null && n > 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean wellFormed(String token) {
		return token != null && token.length() >= 20 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
	}

	static String hash(String token) {
		return Secrets.sha256(token);
	}

}
