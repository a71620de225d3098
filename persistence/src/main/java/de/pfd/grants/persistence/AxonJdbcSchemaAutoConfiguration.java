package de.pfd.grants.persistence;

import java.util.List;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Points Axon's JDBC storage (event store, tokens, sagas, dead letters) at the snake_case
 * tables of {@code V1__axon_infrastructure.sql}, and recognises duplicate keys on
 * PostgreSQL and H2 so that two appends to one aggregate surface as a retryable
 * {@code ConcurrencyException}.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class AxonJdbcSchemaAutoConfiguration {

	/**
	 * Metadata keys copied from every command into the events it causes: the audit trail.
	 */
	public static final String USER_ID = "userId";

	public static final String USER_ROLE = "userRole";

	@Bean
	public EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("domain_event_entry")
			.snapshotTable("snapshot_event_entry")
			.globalIndexColumn("global_index")
			.timestampColumn("time_stamp")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	@Bean
	TokenSchema tokenSchema() {
		return TokenSchema.builder()
			.setTokenTable("token_entry")
			.setProcessorNameColumn("processor_name")
			.setSegmentColumn("segment")
			.setTokenColumn("token")
			.setTokenTypeColumn("token_type")
			.setTimestampColumn("time_stamp")
			.setOwnerColumn("owner")
			.build();
	}

	@Bean
	SagaSqlSchema sagaSqlSchema() {
		return new GenericSagaSqlSchema(SagaSchema.builder()
			.sagaEntryTable("saga_entry")
			.revisionColumn("revision")
			.serializedSagaColumn("serialized_saga")
			.associationValueEntryTable("association_value_entry")
			.associationKeyColumn("association_key")
			.associationValueColumn("association_value")
			.sagaIdColumn("saga_id")
			.sagaTypeColumn("saga_type")
			.build());
	}

	/** Event handlers fail alone: see {@link HandlerSavepoints}. */
	@Bean
	HandlerSavepoints handlerSavepoints(PlatformTransactionManager transactions) {
		return new HandlerSavepoints(transactions);
	}

	/**
	 * A lost database is retried, never dead-lettered: see
	 * {@link RetryWhileDatabaseGone}.
	 */
	@Bean
	ConfigurerModule deadLetterPolicy() {
		return configurer -> configurer.eventProcessing(
				processing -> processing.registerDefaultDeadLetterPolicy(c -> new RetryWhileDatabaseGone()));
	}

	@Bean
	DeadLetterSchema deadLetterSchema() {
		return DeadLetterSchema.builder()
			.deadLetterTable("dead_letter_entry")
			.deadLetterIdentifierColumn("dead_letter_id")
			.processingGroupColumn("processing_group")
			.sequenceIdentifierColumn("sequence_identifier")
			.sequenceIndexColumn("sequence_index")
			.messageTypeColumn("message_type")
			.eventIdentifierColumn("event_identifier")
			.timestampColumn("time_stamp")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.aggregateTypeColumn("aggregate_type")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.tokenTypeColumn("token_type")
			.tokenColumn("token")
			.enqueuedAtColumn("enqueued_at")
			.lastTouchedColumn("last_touched")
			.processingStartedColumn("processing_started")
			.causeTypeColumn("cause_type")
			.causeMessageColumn("cause_message")
			.diagnosticsColumn("diagnostics")
			.build();
	}

	@Bean
	public PersistenceExceptionResolver persistenceExceptionResolver() {
		return new DuplicateKeyResolver();
	}

	/**
	 * Events applied by a deadline carry its metadata like those of a command (the actor,
	 * see {@link SystemActor}); Axon does not register this on deadline managers itself.
	 */
	@Bean
	SmartInitializingSingleton deadlineCorrelation(ObjectProvider<DeadlineManager> deadlines,
			List<CorrelationDataProvider> providers) {
		return () -> deadlines
			.ifAvailable(manager -> manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
	}

	/** The processors' lag as gauges: see {@link ProcessorLagGauges}. */
	@Bean
	ProcessorLagGauges processorLagGauges(EventProcessingConfiguration processing, EventStore events,
			ObjectProvider<MeterRegistry> registry) {
		return new ProcessorLagGauges(processing, events, registry);
	}

	@Bean
	CorrelationDataProvider messageOriginProvider() {
		return new MessageOriginProvider();
	}

	@Bean
	CorrelationDataProvider actingUserProvider() {
		return new SimpleCorrelationDataProvider(USER_ID, USER_ROLE);
	}

}
