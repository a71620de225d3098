package de.pfd.grants.persistence.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import de.pfd.grants.persistence.AxonJdbcSchemaAutoConfiguration;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * A scratch database for the chain's tests (a schema of its own on the local PostgreSQL,
 * see {@link TestDatabase}), migrated by Flyway, with the chained engine as the service
 * wires it. Dropped on {@link #close}.
 */
final class ChainDatabase implements AutoCloseable {

	final TestDatabase.Choice choice;

	final HikariDataSource dataSource;

	final DataSourceTransactionManager transactions;

	final JdbcTemplate jdbc;

	ChainDatabase() {
		this(null);
	}

	/** Migrated up to this version (null: all). */
	ChainDatabase(String target) {
		this.choice = TestDatabase.choose();
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(this.choice.url());
		this.dataSource.setUsername(this.choice.user());
		this.dataSource.setPassword(this.choice.password());
		this.dataSource.setMaximumPoolSize(12);
		migrate(target);
		this.transactions = new DataSourceTransactionManager(this.dataSource);
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	void migrate(String target) {
		var flyway = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

	/** The chained engine, or Axon's plain one (for the cost of the chain). */
	JdbcEventStorageEngine engine(boolean chained) {
		SpringTransactionManager axonTransactions = new SpringTransactionManager(this.transactions);
		AxonJdbcSchemaAutoConfiguration wiring = new AxonJdbcSchemaAutoConfiguration();
		EventSchema schema = wiring.eventSchema();
		PersistenceExceptionResolver duplicates = wiring.persistenceExceptionResolver();
		JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
			.eventSerializer(JacksonSerializer.defaultSerializer())
			.snapshotSerializer(JacksonSerializer.defaultSerializer())
			.persistenceExceptionResolver(duplicates)
			.connectionProvider(new SpringDataSourceConnectionProvider(this.dataSource))
			.transactionManager(axonTransactions)
			.schema(schema);
		return chained ? new ChainingJdbcEventStorageEngine(builder, axonTransactions) : builder.build();
	}

	/** What an event of the tests holds. */
	record Noted(String text, long amountCents) {
	}

	static EventMessage<?> event(String aggregate, long sequence, String text) {
		return new GenericDomainEventMessage<>("Fund", aggregate, sequence, new Noted(text, sequence * 100),
				MetaData.with("userId", "staff").and("userRole", "STAFF"))
			.andMetaData(Map.of("correlationId", UUID.randomUUID().toString()));
	}

	static String aggregate() {
		return "fund-" + UUID.randomUUID();
	}

	long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	List<Long> positions() {
		return this.jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
	}

	@Override
	public void close() throws SQLException {
		if (this.choice.postgres()) {
			try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA " + this.choice.schema() + " CASCADE");
			}
		}
		this.dataSource.close();
	}

}
