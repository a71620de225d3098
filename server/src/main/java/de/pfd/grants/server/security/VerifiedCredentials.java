package de.pfd.grants.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Passwords checked recently, so that an HTTP Basic client does not pay a full password
 * hash (BCrypt, about 100 ms of CPU) on every request. For each account it keeps an HMAC
 * of name and password under a key that lives only in this node's memory (made at start,
 * never stored), with the account as read then: a request whose HMAC matches is signed in
 * at once. Entries expire a few minutes after the check ({@code
 * grants.sign-in.basic-cache-ttl}, default 5 min), at most 10,000 are kept, and
 * {@link PasswordChanged} drops the account's entry at once (and again when the change
 * commits, so that a check that read the old hash meanwhile is not kept either).
 */
@Component
@ConditionalOnWebApplication
public class VerifiedCredentials {

	private final Cache<String, Entry> entries;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	/** Counts password changes: a check that overlapped one is not kept. */
	private final AtomicLong changes = new AtomicLong();

	private final Counter hits;

	private final Counter misses;

	VerifiedCredentials(@Value("${grants.sign-in.basic-cache-ttl:5m}") Duration ttl, MeterRegistry meters) {
		this.entries = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
		this.hits = Counter.builder("grants.sign-in.basic.cache")
			.tag("result", "hit")
			.description("HTTP Basic sign-ins answered from the verified credentials")
			.register(meters);
		this.misses = Counter.builder("grants.sign-in.basic.cache")
			.tag("result", "miss")
			.description("HTTP Basic sign-ins that needed a password hash")
			.register(meters);
	}

	/** The account, if this name and password were verified within the TTL. */
	Optional<GrantsUser> lookup(String username, String password) {
		Entry entry = this.entries.getIfPresent(username);
		if (entry != null && MessageDigest.isEqual(entry.mac(), mac(username, password))) {
			this.hits.increment();
			return Optional.of(entry.account());
		}
		this.misses.increment();
		return Optional.empty();
	}

	/** To hand to {@link #remember} after the check: the password changes so far. */
	long changesSoFar() {
		return this.changes.get();
	}

	/** Keeps a successful check, unless a password changed while it ran. */
	void remember(String username, String password, GrantsUser account, long changesBefore) {
		this.entries.put(username, new Entry(mac(username, password), account));
		if (this.changes.get() != changesBefore) {
			this.entries.invalidate(username);
		}
	}

	@EventListener
	void passwordChanged(PasswordChanged event) {
		forget(event.username());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void passwordChangeCommitted(PasswordChanged event) {
		forget(event.username());
	}

	private void forget(String username) {
		this.changes.incrementAndGet();
		// kept under the name the client gave: the user name or the e-mail address
		this.entries.invalidate(username);
		this.entries.asMap().values().removeIf(entry -> entry.account().username().equals(username));
	}

	/** The HMAC of name and password under this node's key. */
	byte[] mac(String username, String password) {
		Mac mac = this.macs.get();
		mac.update(username.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private record Entry(byte[] mac, GrantsUser account) {
	}

}
