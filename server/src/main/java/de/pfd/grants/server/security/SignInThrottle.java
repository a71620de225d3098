package de.pfd.grants.server.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Slows down failed sign-ins, per account and per client address, with an exponential
 * back-off: each key has a ladder of limits (Bucket4j bandwidths), the first of a few
 * failures per minute, each further one of a few more failures over twice the time. Once
 * the short rungs are spent every further failure waits about twice as long as the one
 * before (1, 1, 2, 4, 8, 16 minutes for an account); after half an hour without failures
 * everything is forgotten. While a key is in back-off every sign-in for it is refused
 * before any password is looked at, the right one too, so the answer tells nothing.
 * <p>
 * The counters are in memory, per node: a failed sign-in writes nothing to the database
 * (an attacker cannot load it with guesses), they work the same on the embedded default
 * and on PostgreSQL, and they cost nanoseconds. With n nodes an attacker gets at most n
 * times the attempts, still a few per hour and account; a restart forgets them.
 */
@Component
@ConditionalOnWebApplication
public class SignInThrottle {

	/** At most this many failures per period. */
	record Rung(long failures, Duration period) {
	}

	static final List<Rung> PER_ACCOUNT = ladder(5, 1, Duration.ofMinutes(1), 6);

	/** An office behind one address shares this: more room, the same shape. */
	static final List<Rung> PER_ADDRESS = ladder(30, 6, Duration.ofMinutes(1), 6);

	/** No account has a longer name: longer ones share one counter. */
	private static final int LONGEST_NAME = 320;

	/** At most one warning mail per account in this time. */
	private static final long NOTICE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

	private final TimeMeter clock;

	private final SignInFailureNotice notice;

	private final Cache<String, AccountFailures> accounts;

	private final Cache<String, Bucket> addresses;

	@Autowired
	SignInThrottle(SignInFailureNotice notice) {
		this(TimeMeter.SYSTEM_NANOTIME, notice);
	}

	SignInThrottle(TimeMeter clock, SignInFailureNotice notice) {
		this.clock = clock;
		this.notice = notice;
		// after an hour without a failure a key's ladder is full again: nothing is lost
		this.accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
		this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
	}

	static List<Rung> ladder(long first, long more, Duration period, int rungs) {
		List<Rung> ladder = new ArrayList<>();
		for (int i = 0; i < rungs; i++) {
			ladder.add(new Rung(first + i * more, period.multipliedBy(1L << i)));
		}
		return List.copyOf(ladder);
	}

	/**
	 * Refuses a sign-in while the account or the address is in back-off; counts nothing.
	 */
	public void check(String username, ClientAddress address) {
		long wait = Math.max(waitNanos(failures(username)), waitNanos(this.addresses.getIfPresent(address.value())));
		if (wait > 0) {
			throw throttled(wait);
		}
	}

	/**
	 * Counts a password check that is about to run as a failure, for the account and for
	 * the address, or refuses it if either has none left. A success gives it back
	 * ({@link #succeeded}): counted first, a burst of parallel guesses cannot slip past
	 * the limit.
	 */
	public void begin(String username, ClientAddress address) {
		Bucket account = this.accounts.get(key(username), k -> new AccountFailures(bucket(PER_ACCOUNT))).bucket;
		Bucket from = this.addresses.get(address.value(), k -> bucket(PER_ADDRESS));
		ConsumptionProbe forAccount = account.tryConsumeAndReturnRemaining(1);
		if (!forAccount.isConsumed()) {
			throw throttled(forAccount.getNanosToWaitForRefill());
		}
		ConsumptionProbe fromAddress = from.tryConsumeAndReturnRemaining(1);
		if (!fromAddress.isConsumed()) {
			account.addTokens(1);
			throw throttled(fromAddress.getNanosToWaitForRefill());
		}
	}

	/**
	 * The password was right: the account's failures are forgiven, the address gets its
	 * attempt back (its earlier failures stay: they may have been guesses at others).
	 */
	public void succeeded(String username, ClientAddress address) {
		AccountFailures failures = this.accounts.getIfPresent(key(username));
		if (failures != null) {
			failures.bucket.reset();
		}
		Bucket from = this.addresses.getIfPresent(address.value());
		if (from != null) {
			from.addTokens(1);
		}
	}

	/**
	 * The password could not be checked (the database is gone): not a failure, the
	 * attempt is given back.
	 */
	public void abandoned(String username, ClientAddress address) {
		AccountFailures failures = this.accounts.getIfPresent(key(username));
		if (failures != null) {
			failures.bucket.addTokens(1);
		}
		Bucket from = this.addresses.getIfPresent(address.value());
		if (from != null) {
			from.addTokens(1);
		}
	}

	/**
	 * The password was wrong (or the account unknown): the attempt stays counted. When
	 * this failure starts a back-off for an existing account, its owner is told by mail
	 * (at most once an hour).
	 */
	public void failed(String username, ClientAddress address, GrantsUser account) {
		AccountFailures failures = this.accounts.getIfPresent(key(username));
		if (account == null || failures == null || failures.bucket.getAvailableTokens() > 0) {
			return;
		}
		long now = this.clock.currentTimeNanos();
		long last = failures.noticedAt.get();
		if ((last == Long.MIN_VALUE || now - last >= NOTICE_EVERY_NANOS)
				&& failures.noticedAt.compareAndSet(last, now)) {
			this.notice.send(account, address);
		}
	}

	private AccountFailures failures(String username) {
		return this.accounts.getIfPresent(key(username));
	}

	private static long waitNanos(Object counter) {
		Bucket bucket = counter instanceof AccountFailures failures ? failures.bucket : (Bucket) counter;
		if (bucket == null) {
			return 0;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

	private static SignInThrottled throttled(long nanos) {
		return new SignInThrottled(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
	}

	private static String key(String username) {
		String name = username == null ? "" : username;
		return name.length() > LONGEST_NAME ? "(too long)" : name.toLowerCase(Locale.ROOT);
	}

	private Bucket bucket(List<Rung> ladder) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.clock);
		for (Rung rung : ladder) {
			// refilled at once at the end of each period, counted from the first failure
			builder.addLimit(limit -> limit.capacity(rung.failures()).refillIntervally(rung.failures(), rung.period()));
		}
		return builder.build();
	}

	/** An account's failures, and when its owner was last warned. */
	private static final class AccountFailures {

		final Bucket bucket;

		final AtomicLong noticedAt = new AtomicLong(Long.MIN_VALUE);

		AccountFailures(Bucket bucket) {
			this.bucket = bucket;
		}

	}

}
