package de.pfd.grants.persistence.privacy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The key of every data subject, in {@code subject_key} (V33), outside the event table. A
 * key is created on first use, in the transaction that stores the first event holding the
 * subject's personal data; erasing it sets the secret to NULL and keeps the row with its
 * {@code erased_at} (the proof, and the reason that no new key is ever made for that
 * subject: a later event stores {@code "erased"} in its personal fields).
 * <p>
 * Keys are cached for {@code ttl} only, and only once their row is committed: a key of a
 * transaction that rolls back is never used again, and another node's erasure is obeyed
 * here at most {@code ttl} later (this node's own at once). An erased subject stays
 * erased, so that is cached for good.
 */
public class SubjectKeys {

	private static final String ALGORITHM = "AES";

	private static final int KEY_BYTES = 32;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public SubjectKeys(JdbcTemplate jdbc, Clock clock, Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** A subject's state: its key, or erased (empty). */
	private record Cached(Optional<SecretKey> key, Instant until) {
	}

	private record Row(byte[] secret, Timestamp erasedAt) {
	}

	/**
	 * The key to encrypt the subject's personal data with, created if the subject has
	 * none yet; empty if the subject was erased.
	 */
	public Optional<SecretKey> forWriting(String subject) {
		Optional<Optional<SecretKey>> known = cached(subject);
		if (known.isPresent()) {
			return known.get();
		}
		Optional<Row> row = row(subject);
		if (row.isEmpty()) {
			byte[] secret = new byte[KEY_BYTES];
			this.random.nextBytes(secret);
			this.jdbc.update("""
					INSERT INTO subject_key (subject, secret, created_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""", subject, secret, Timestamp.from(this.clock.instant()));
			// a concurrent transaction may have created it first: its key is the one
			row = row(subject);
		}
		return remember(subject, row.map(SubjectKeys::key).orElseThrow());
	}

	/**
	 * The key to decrypt the subject's personal data with; empty if the subject was
	 * erased or has no key (an event from a store whose keys are gone reads as erased
	 * too).
	 */
	public Optional<SecretKey> forReading(String subject) {
		Optional<Optional<SecretKey>> known = cached(subject);
		if (known.isPresent()) {
			return known.get();
		}
		Optional<Row> row = row(subject);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		return remember(subject, key(row.get()));
	}

	/** Whether the subject's key was erased. */
	public boolean isErased(String subject) {
		Optional<Optional<SecretKey>> known = cached(subject);
		if (known.isPresent()) {
			return known.get().isEmpty();
		}
		return row(subject).map(row -> row.erasedAt() != null).orElse(false);
	}

	/**
	 * Deletes the subject's key (crypto-shredding), or records the subject as erased if
	 * it had none; idempotent. Runs in the caller's transaction: with the event that
	 * records the erasure.
	 */
	public void erase(String subject, Instant at) {
		int updated = this.jdbc.update(
				"UPDATE subject_key SET secret = NULL, erased_at = ? WHERE subject = ? AND erased_at IS NULL",
				Timestamp.from(at), subject);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO subject_key (subject, secret, created_at, erased_at) VALUES (?, NULL, ?, ?)
					ON CONFLICT DO NOTHING""", subject, Timestamp.from(at), Timestamp.from(at));
		}
		this.cache.remove(subject);
		afterCommit(() -> this.cache.remove(subject));
	}

	/** Forgets every cached key (tests, and a restore of a backup). */
	public void forgetCached() {
		this.cache.clear();
	}

	private Optional<Optional<SecretKey>> cached(String subject) {
		Cached cached = this.cache.get(subject);
		if (cached == null || (cached.key().isPresent() && cached.until().isBefore(this.clock.instant()))) {
			return Optional.empty();
		}
		return Optional.of(cached.key());
	}

	private Optional<SecretKey> remember(String subject, Optional<SecretKey> key) {
		Cached cached = new Cached(key, this.clock.instant().plus(this.ttl));
		afterCommit(() -> this.cache.put(subject, cached));
		return key;
	}

	private Optional<Row> row(String subject) {
		List<Row> rows = this.jdbc.query("SELECT secret, erased_at FROM subject_key WHERE subject = ?",
				(rs, i) -> new Row(rs.getBytes(1), rs.getTimestamp(2)), subject);
		return rows.stream().findFirst();
	}

	private static Optional<SecretKey> key(Row row) {
		return row.erasedAt() != null || row.secret() == null ? Optional.empty()
				: Optional.of(new SecretKeySpec(row.secret(), ALGORITHM));
	}

	/** Runs after the current transaction commits, or now without one. */
	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
