package de.pfd.grants.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * Personal access tokens of API clients ({@code access_token}). A token is
 * {@value #PREFIX} and 43 characters of a random 256-bit secret; it is shown once, when
 * it is made, and only its SHA-256 hash is stored, with a name, the expiry and when it
 * was made and last used. Checking one is one indexed lookup of the hash (no password
 * hash: the secret is random, not guessable) plus the account. Revoked and expired tokens
 * sign nobody in, on every node at once.
 */
@Component
public class AccessTokens {

	public static final String PREFIX = "pfd_";

	/** Base64url of 32 bytes, without padding. */
	private static final int SECRET_LENGTH = 43;

	/** Enough for every script and integration of a person; bounds the table. */
	public static final int MAX_ACTIVE_PER_ACCOUNT = 50;

	/** Last use is kept to the minute: not one write per request. */
	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final AccountStore accounts;

	private final Clock clock;

	@Autowired
	AccessTokens(JdbcTemplate jdbc, AccountStore accounts) {
		this(jdbc, accounts, Clock.systemUTC());
	}

	AccessTokens(JdbcTemplate jdbc, AccountStore accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A token as its owner sees it: never the secret. */
	public record Token(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			boolean expired) {
	}

	/** A token just made, with its secret: the only time anyone sees it. */
	public record Created(Token token, String secret) {
	}

	/** A token that signed a request in. */
	public record Holder(GrantsUser account, String tokenId) {
	}

	/** How many tokens the account has that are neither revoked nor expired. */
	public int active(String username) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM access_token WHERE username = ? AND revoked_at IS NULL AND expires_at > ?",
				Integer.class, username, utc(now()));
	}

	/**
	 * Makes a token for the account, valid for the days given; refused (409) while the
	 * account has {@value #MAX_ACTIVE_PER_ACCOUNT} valid ones.
	 */
	public Created create(String username, String name, int days) {
		if (name == null || name.isBlank()) {
			throw ApiException.badInput("name", "Bitte einen Namen angeben / a name is required");
		}
		if (name.strip().length() > 100) {
			throw ApiException.badInput("name", "Höchstens 100 Zeichen / at most 100 characters");
		}
		if (days < 1 || days > 365) {
			throw ApiException.badInput("expiresInDays",
					"Bitte 1 bis 365 Tage angeben / between 1 and 365 days, please");
		}
		if (active(username) >= MAX_ACTIVE_PER_ACCOUNT) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
					"Höchstens " + MAX_ACTIVE_PER_ACCOUNT
							+ " gültige Tokens je Konto: bitte erst eines widerrufen / at most "
							+ MAX_ACTIVE_PER_ACCOUNT + " valid tokens per account: revoke one first",
					null);
		}
		String token = PREFIX + Secrets.newSecret();
		String id = UUID.randomUUID().toString();
		Instant now = now();
		Instant expires = now.plus(Duration.ofDays(days));
		this.jdbc.update("""
				INSERT INTO access_token (id, username, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""", id, username, name, hash(token), utc(now), utc(expires));
		return new Created(new Token(id, name, now, expires, null, false), token);
	}

	/** The account's tokens that are not revoked, newest first (expired ones too). */
	public List<Token> list(String username) {
		return this.jdbc.query("""
				SELECT id, name, created_at, expires_at, last_used_at FROM access_token
				WHERE username = ? AND revoked_at IS NULL ORDER BY created_at DESC, id""", this::token, username);
	}

	/** One of the account's tokens; someone else's is not there. */
	public Optional<Token> find(String username, String id) {
		return this.jdbc.query("""
				SELECT id, name, created_at, expires_at, last_used_at FROM access_token
				WHERE username = ? AND id = ? AND revoked_at IS NULL""", this::token, username, id)
			.stream()
			.findFirst();
	}

	/** Revokes one of the account's tokens; false if it has no such token. */
	public boolean revoke(String username, String id) {
		return this.jdbc.update(
				"UPDATE access_token SET revoked_at = ? WHERE username = ? AND id = ? AND revoked_at IS NULL",
				utc(now()), username, id) == 1;
	}

	/**
	 * The account a token signs in, if it is well-formed, known, neither revoked nor
	 * expired, and its account exists and is enabled.
	 */
	public Optional<Holder> authenticate(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = now();
		List<Row> rows = this.jdbc.query("""
				SELECT id, username, expires_at, last_used_at FROM access_token
				WHERE token_hash = ? AND revoked_at IS NULL""", (rs, i) -> new Row(rs.getString("id"),
				rs.getString("username"), instant(rs, "expires_at"), instant(rs, "last_used_at")), hash(token));
		if (rows.isEmpty() || !rows.get(0).expiresAt().isAfter(now)) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		Optional<GrantsUser> found = this.accounts.byUsername(row.username());
		if (found.isEmpty() || !found.get().isEnabled()) {
			return Optional.empty();
		}
		GrantsUser account = found.get();
		if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
			this.jdbc.update("UPDATE access_token SET last_used_at = ? WHERE id = ?",
					utc(now.truncatedTo(ChronoUnit.SECONDS)), row.id());
		}
		return Optional.of(new Holder(account, row.id()));
	}

	static boolean wellFormed(String token) {
		if (token == null || token.length() != PREFIX.length() + SECRET_LENGTH || !token.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < token.length(); i++) {
			char c = token.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** What is stored of a token: its SHA-256, in hex. */
	static String hash(String token) {
		return Secrets.sha256(token);
	}

	private Token token(ResultSet rs, int row) throws SQLException {
		Instant expires = instant(rs, "expires_at");
		return new Token(rs.getString("id"), rs.getString("name"), instant(rs, "created_at"), expires,
				instant(rs, "last_used_at"), !expires.isAfter(now()));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Row(String id, String username, Instant expiresAt, Instant lastUsedAt) {
	}

}
