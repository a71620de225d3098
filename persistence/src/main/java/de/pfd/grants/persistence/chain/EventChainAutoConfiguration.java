package de.pfd.grants.persistence.chain;

import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chained event storage in place of Axon's JDBC one (when the events are stored in
 * this database, not in Axon Server), the periodic global anchor (on every node; the
 * anchor row's lock lets one run at a time) and the verification.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "axon.axonserver", name = "enabled", havingValue = "false")
public class EventChainAutoConfiguration {

	/** The same engine as Axon's auto-configuration builds, with the chain. */
	@Bean
	@ConditionalOnMissingBean({ EventStorageEngine.class, EventBus.class, EventStore.class })
	EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
			PersistenceExceptionResolver persistenceExceptionResolver,
			@Qualifier("eventSerializer") Serializer eventSerializer,
			org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, EventSchema eventSchema) {
		return new ChainingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
			.snapshotSerializer(defaultSerializer)
			.upcasterChain(configuration.upcasterChain())
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.eventSerializer(eventSerializer)
			.snapshotFilter(configuration.snapshotFilter())
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(eventSchema), transactionManager);
	}

	@Bean
	EventChainAnchor eventChainAnchor(DataSource dataSource, PlatformTransactionManager transactions) {
		return new EventChainAnchor(dataSource, transactions);
	}

	@Bean
	ChainVerifier chainVerifier(DataSource dataSource) {
		return new ChainVerifier(dataSource);
	}

	/**
	 * Anchors every {@code grants.chain.anchor-every} what is older than
	 * {@code grants.chain.safety-delay} (longer than any append's transaction runs); 0
	 * runs no anchor.
	 */
	@Bean
	EventChainAnchoring eventChainAnchoring(EventChainAnchor anchor,
			@Value("${grants.chain.anchor-every:PT1M}") Duration every,
			@Value("${grants.chain.safety-delay:PT1M}") Duration safetyDelay) {
		return new EventChainAnchoring(anchor, every, safetyDelay);
	}

}
