package de.pfd.grants.persistence;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * The dead-letter queue is for events a handler cannot apply, not for a database that is
 * gone for the moment: such a failure is thrown on, so the processor rolls its batch back
 * and retries it once the database is back. Were the event dead-lettered instead, a
 * database restart would leave it missing from the read model until someone retried it.
 */
public final class RetryWhileDatabaseGone implements EnqueuePolicy<EventMessage<?>> {

	@Override
	public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
		if (DatabaseUnavailable.causedBy(cause)) {
			throw new DatabaseGone(cause);
		}
		return Decisions.enqueue(cause);
	}

	/** The batch fails and is retried: the database was gone. */
	static final class DatabaseGone extends RuntimeException {

		DatabaseGone(Throwable cause) {
			super("the database is unavailable; the batch is retried, not dead-lettered", cause);
		}

	}

}
