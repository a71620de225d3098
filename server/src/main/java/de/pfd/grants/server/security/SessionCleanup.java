package de.pfd.grants.server.security;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.DatabaseUnavailable;

/**
 * Deletes expired sessions once a minute, on every node (the delete is the same
 * everywhere). Instead of Spring Session's own task
 * ({@code spring.session.jdbc.cleanup-cron} is off): while the database is gone this one
 * logs a line, not a stack trace a minute.
 */
@Component
@ConditionalOnWebApplication
class SessionCleanup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private final JdbcIndexedSessionRepository sessions;

	private ScheduledExecutorService scheduler;

	SessionCleanup(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "session-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::cleanUp, 1, 1, TimeUnit.MINUTES);
	}

	void cleanUp() {
		try {
			this.sessions.cleanUpExpiredSessions();
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				log.warn("expired sessions not deleted, the database is unavailable; next try in a minute");
			}
			else {
				log.error("expired sessions not deleted", ex);
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
