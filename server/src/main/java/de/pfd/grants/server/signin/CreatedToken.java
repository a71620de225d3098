package de.pfd.grants.server.signin;

import java.time.Instant;

/** A token just made: the only answer that holds its secret ({@code token}). */
record CreatedToken(String id, String token, String name, Instant createdAt, Instant expiresAt) {
}
