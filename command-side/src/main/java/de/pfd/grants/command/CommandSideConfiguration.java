package de.pfd.grants.command;

import java.util.concurrent.Executors;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import de.pfd.grants.command.common.RuleViolationTranslator;
import de.pfd.grants.shared.document.DocumentLimits;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

	/**
	 * Snapshots are taken on a thread of their own: taken inline, the snapshot would need
	 * a second connection while the command still holds the aggregate's lock and its own
	 * connection, and under load every pooled connection can be held by commands waiting
	 * for that lock.
	 */
	@Bean
	SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
			HandlerDefinition handlerDefinition, ParameterResolverFactory parameterResolverFactory,
			EventStore eventStore, TransactionManager transactionManager, SnapshotterSpanFactory spanFactory) {
		return SpringAggregateSnapshotter.builder()
			.repositoryProvider(configuration::repository)
			.transactionManager(transactionManager)
			.eventStore(eventStore)
			.parameterResolverFactory(parameterResolverFactory)
			.handlerDefinition(handlerDefinition)
			.spanFactory(spanFactory)
			.executor(Executors.newSingleThreadExecutor(r -> {
				Thread thread = new Thread(r, "snapshotter");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
	}

	/** A fund lives a whole year and collects many bookings: load it from a snapshot. */
	@Bean
	SnapshotTriggerDefinition fundSnapshotTrigger(Snapshotter snapshotter,
			@Value("${grants.fund.snapshot-threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	/**
	 * How much an application may hold: the one home of the limits, read by the
	 * application's handler and by the adapters that receive uploads.
	 */
	@Bean
	DocumentLimits documentLimits(@Value("${grants.documents.max-file-size:10MB}") DataSize perFile,
			@Value("${grants.documents.max-per-application:50MB}") DataSize perApplication,
			@Value("${grants.documents.max-count:50}") int count) {
		return new DocumentLimits(perFile.toBytes(), perApplication.toBytes(), count);
	}

	@Autowired
	void translateRefusals(CommandBus commandBus) {
		commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
	}

}
