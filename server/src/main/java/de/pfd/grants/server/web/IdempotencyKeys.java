package de.pfd.grants.server.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Secrets;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * The Idempotency-Key header: the same key from the same user names the same operation
 * (the same new application, the same budget adjustment), so a double click or a retried
 * request takes effect once. Without a key every request is a new operation. The same key
 * with a different request is refused (422 {@code IDEMPOTENCY_KEY_REUSED}), never
 * answered silently with the first result.
 */
@Component
public class IdempotencyKeys {

	public static final int MAX_LENGTH = 200;

	private final JdbcTemplate jdbc;

	IdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The id of the operation a request names, after checking that a key used before was
	 * used for the same request ({@code request}: the request's values in a fixed order).
	 */
	public String claim(GrantsUser user, String scope, String idempotencyKey, Object... request) {
		String operation = operationId(user, scope, idempotencyKey);
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return operation;
		}
		String hash = Secrets.sha256(Arrays.deepToString(request));
		this.jdbc.update("INSERT INTO idempotency_key (operation_id, request_hash, created_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", operation, hash, Instant.now().atOffset(ZoneOffset.UTC));
		String first = this.jdbc.queryForObject("SELECT request_hash FROM idempotency_key WHERE operation_id = ?",
				String.class, operation);
		if (!hash.equals(first)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.IDEMPOTENCY_KEY_REUSED,
					"Dieser Idempotency-Key wurde schon für eine andere Anfrage benutzt / this Idempotency-Key was "
							+ "used for a different request",
					"Idempotency-Key");
		}
		return operation;
	}

	/**
	 * The id of the operation a request names. {@code scope} says which operation on
	 * which resource (e.g. {@code "payout:" + applicationId}), so the same key used for
	 * two different operations names two operations.
	 */
	static String operationId(GrantsUser user, String scope, String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return UUID.randomUUID().toString();
		}
		if (idempotencyKey.length() > MAX_LENGTH) {
			throw ApiException.badInput("Idempotency-Key", "Idempotency-Key too long (at most 200 characters)");
		}
		if (!idempotencyKey.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
			throw ApiException.badInput("Idempotency-Key",
					"Idempotency-Key: nur sichtbare ASCII-Zeichen / only visible ASCII characters");
		}
		return UUID
			.nameUUIDFromBytes(
					(user.username() + '\n' + scope + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

}
