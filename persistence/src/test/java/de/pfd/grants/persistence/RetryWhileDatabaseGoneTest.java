package de.pfd.grants.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class RetryWhileDatabaseGoneTest {

	private final RetryWhileDatabaseGone policy = new RetryWhileDatabaseGone();

	private final GenericDeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("sequence",
			GenericEventMessage.asEventMessage("an event"));

	@Test
	void a_handler_that_cannot_apply_the_event_puts_it_into_the_dead_letter_queue() {
		RuntimeException cause = new DataIntegrityViolationException("value too long",
				new SQLException("ERROR: invalid byte sequence", "22021"));
		EnqueueDecision<EventMessage<?>> decision = this.policy.decide(this.letter, cause);
		assertThat(decision.shouldEnqueue()).isTrue();
		assertThat(decision.enqueueCause()).contains(cause);
	}

	@Test
	void a_lost_database_fails_the_batch_so_that_it_is_retried() {
		for (Throwable gone : new Throwable[] {
				new JdbcException("terminated", new SQLException("terminating connection", "57P01")),
				new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("pool timed out")),
				new IllegalStateException(new SQLException("An I/O error occurred", "08006")) }) {
			assertThatThrownBy(() -> this.policy.decide(this.letter, gone)).as(gone.toString())
				.isInstanceOf(RetryWhileDatabaseGone.DatabaseGone.class)
				.hasCause(gone);
		}
	}

	@Test
	void only_connection_failures_count_as_a_lost_database() {
		assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalArgumentException("bad"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("connection refused", "08001"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("admin shutdown", "57P01"))).isTrue();
		assertThat(DatabaseUnavailable
			.causedBy(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("Connection is closed", "42000"))).isFalse();
	}

}
