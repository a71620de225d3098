package de.pfd.grants.persistence.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage with the chain (ADR 0011): every append also writes the
 * events' chain rows, in the same transaction, so that an event is never stored without
 * its chain row nor a chain row without its event. The chain hashes the rows as stored
 * (read back after the insert), so encrypted personal data is covered in its stored form.
 */
public class ChainingJdbcEventStorageEngine extends JdbcEventStorageEngine {

	private final TransactionManager transactions;

	public ChainingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions) {
		super(builder);
		this.transactions = transactions;
	}

	@Override
	protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
		if (events.isEmpty()) {
			return;
		}
		this.transactions.executeInTransaction(() -> {
			super.appendEvents(events, serializer);
			Connection connection = getConnection();
			try {
				EventChainWriter.chain(connection, events.stream().map(EventMessage::getIdentifier).toList());
			}
			catch (SQLException ex) {
				throw new EventStoreException("the appended events could not be chained", ex);
			}
			finally {
				JdbcUtils.closeQuietly(connection);
			}
		});
	}

}
