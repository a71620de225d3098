package de.pfd.grants.persistence.chain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the anchor every {@code every} on a thread of its own while the service runs.
 * Every node runs it; the anchor row's lock lets one anchor at a time, and the next finds
 * the work done. Not a db-scheduler task on purpose: {@code scheduled_tasks} holds the
 * deadlines only (the fault tests count them).
 */
final class EventChainAnchoring implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventChainAnchoring.class);

	private final EventChainAnchor anchor;

	private final Duration every;

	private final Duration safetyDelay;

	private ScheduledExecutorService executor;

	EventChainAnchoring(EventChainAnchor anchor, Duration every, Duration safetyDelay) {
		this.anchor = anchor;
		this.every = every;
		this.safetyDelay = safetyDelay;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.every.isZero() || this.every.isNegative()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "event-chain-anchor");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.every.toMillis();
		this.executor.scheduleWithFixedDelay(this::anchorOnce, period, period, TimeUnit.MILLISECONDS);
	}

	private void anchorOnce() {
		try {
			this.anchor.anchor(this.safetyDelay);
		}
		catch (RuntimeException ex) {
			// the next run continues where this one stopped (nothing is half written)
			log.warn("anchoring the event chain failed, retried in {}: {}", this.every, ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
