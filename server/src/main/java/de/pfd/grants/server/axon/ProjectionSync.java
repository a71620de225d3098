package de.pfd.grants.server.axon;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the HTTP API: after a command, wait (bounded) until the local
 * projections have processed everything that is in the event store now, so that the next
 * GET shows the change. Where the projections run in another service (distributed
 * deployment) this returns at once.
 */
@Component
public class ProjectionSync {

	private static final Logger log = LoggerFactory.getLogger(ProjectionSync.class);

	private final EventStore eventStore;

	private final EventProcessingConfiguration processing;

	private final Duration timeout;

	ProjectionSync(EventStore eventStore, EventProcessingConfiguration processing,
			@Value("${grants.read-your-writes-timeout:PT5S}") Duration timeout) {
		this.eventStore = eventStore;
		this.processing = processing;
		this.timeout = timeout;
	}

	public void awaitProjections() {
		List<StreamingEventProcessor> processors = this.processing.eventProcessors()
			.values()
			.stream()
			.filter(StreamingEventProcessor.class::isInstance)
			.map(StreamingEventProcessor.class::cast)
			.filter(StreamingEventProcessor::isRunning)
			.toList();
		if (processors.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		// processes (the approval process) answer events with commands: wait until the
		// store is quiet
		long reached = -1;
		while (true) {
			TrackingToken head = this.eventStore.createHeadToken();
			OptionalLong target = head == null ? OptionalLong.empty() : head.position();
			if (target.isEmpty() || target.getAsLong() <= reached) {
				return;
			}
			if (!awaitAll(processors, target, deadline)) {
				return;
			}
			reached = target.getAsLong();
		}
	}

	private boolean awaitAll(List<StreamingEventProcessor> processors, OptionalLong target, long deadline) {
		for (StreamingEventProcessor processor : processors) {
			while (!reached(processor, target.getAsLong())) {
				if (System.nanoTime() > deadline) {
					log.warn("projection {} has not reached event {} in {}", processor.getName(), target.getAsLong(),
							this.timeout);
					return false;
				}
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	private static boolean reached(StreamingEventProcessor processor, long position) {
		var status = processor.processingStatus();
		if (status.isEmpty()) {
			return false;
		}
		return status.values()
			.stream()
			.allMatch(s -> s.isErrorState() || s.getCurrentPosition().orElse(-1) >= position);
	}

}
