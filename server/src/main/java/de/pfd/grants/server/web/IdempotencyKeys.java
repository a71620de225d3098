package de.pfd.grants.server.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.pfd.grants.server.security.GrantsUser;

/**
 * The Idempotency-Key header: the same key from the same user names the same operation
 * (the same new application, the same budget adjustment), so a double click or a retried
 * request takes effect once. Without a key every request is a new operation.
 */
public final class IdempotencyKeys {

	public static final int MAX_LENGTH = 200;

	private IdempotencyKeys() {
	}

	/**
	 * The id of the operation a request names. {@code scope} says which operation on
	 * which resource (e.g. {@code "payout:" + applicationId}), so the same key used for
	 * two different operations names two operations.
	 */
	public static String operationId(GrantsUser user, String scope, String idempotencyKey) {
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
