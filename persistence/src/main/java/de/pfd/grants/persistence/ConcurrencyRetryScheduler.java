package de.pfd.grants.persistence;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race: another node appended to the same aggregate
 * first (the event store's unique key refused our events). The retry reloads the
 * aggregate and decides again against its new state, so e.g. a fund never reserves more
 * than its budget. Anything else (a refused business rule, a creation of an existing
 * aggregate) fails at once.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

	private final ScheduledExecutorService executor;

	private final int maxRetries;

	private final long baseDelayMillis;

	private final AtomicLong retries = new AtomicLong();

	public ConcurrencyRetryScheduler(int maxRetries, long baseDelayMillis) {
		this.maxRetries = maxRetries;
		this.baseDelayMillis = baseDelayMillis;
		this.executor = Executors.newScheduledThreadPool(4, r -> {
			Thread thread = new Thread(r, "command-retry");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
			List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
		if (!lostARace(lastFailure) || failures.size() > this.maxRetries) {
			return false;
		}
		// jitter keeps competing nodes from colliding again in lock-step
		long delay = ThreadLocalRandom.current().nextLong(1, this.baseDelayMillis * Math.min(failures.size(), 8) + 2);
		this.retries.incrementAndGet();
		this.executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
		return true;
	}

	static boolean lostARace(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof AggregateStreamCreationException) {
				return false;
			}
			if (t instanceof ConcurrencyException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/** How many commands were retried after losing a race since start. */
	public long retries() {
		return this.retries.get();
	}

	public void shutdown() {
		this.executor.shutdownNow();
	}

}
