package de.pfd.grants.server.account;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.pfd.grants.server.web.TooManyRequests;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Requests that send a mail with a one-time link (registration, password reset, change of
 * address) are limited per recipient address (5 an hour) and per client address (200 an
 * hour, an office may share one), so that nobody can flood a mailbox or the outbox.
 * Counted whether or not the address has an account, so the limit tells nothing about
 * accounts. In memory, per node, like the sign-in throttle.
 */
@Component
class MailRequestThrottle {

	static final long PER_RECIPIENT = 5;

	static final long PER_CLIENT = 200;

	private final Cache<String, Bucket> recipients = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	private final Cache<String, Bucket> clients = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	/**
	 * Counts one request for a normalised recipient address, or refuses it with 429 and
	 * {@code Retry-After}.
	 */
	void count(String recipient, String client) {
		take(this.clients, client == null ? "-" : client, PER_CLIENT);
		take(this.recipients, recipient == null ? "-" : recipient, PER_RECIPIENT);
	}

	private static void take(Cache<String, Bucket> buckets, String key, long perHour) {
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequests(
					"Zu viele Anfragen; bitte später erneut versuchen / too many requests, try again later",
					TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		}
	}

}
