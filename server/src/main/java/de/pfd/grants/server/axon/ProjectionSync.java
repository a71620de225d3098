package de.pfd.grants.server.axon;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Waits until every processor has handled everything in the event store, also what
 * processes answer with more commands. For start-up (the demo data) and for tests that
 * check whole read models; a request after a write uses the targeted
 * {@link ReadYourWrites} instead. A processor whose segments another node holds is
 * followed in the token store ({@link ProcessorProgress}). A processor in error, or one
 * that does not catch up in time, fails the wait: it is never taken for up to date.
 */
@Component
public class ProjectionSync {

	private static final long PAUSE_NANOS = Duration.ofMillis(10).toNanos();

	private final EventStore eventStore;

	private final EventProcessingConfiguration processing;

	private final ProcessorProgress progress;

	private final Duration timeout;

	ProjectionSync(EventStore eventStore, EventProcessingConfiguration processing, ProcessorProgress progress,
			@Value("${grants.projection-sync-timeout:PT30S}") Duration timeout) {
		this.eventStore = eventStore;
		this.processing = processing;
		this.progress = progress;
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
		long reached = -1;
		while (true) {
			TrackingToken head = this.eventStore.createHeadToken();
			OptionalLong target = head == null ? OptionalLong.empty() : head.position();
			if (target.isEmpty() || target.getAsLong() <= reached) {
				return;
			}
			for (StreamingEventProcessor processor : processors) {
				while (!reached(processor, target.getAsLong())) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("projection " + processor.getName() + " has not reached event "
								+ target.getAsLong() + " in " + this.timeout);
					}
					LockSupport.parkNanos(PAUSE_NANOS);
				}
			}
			reached = target.getAsLong();
		}
	}

	private boolean reached(StreamingEventProcessor processor, long position) {
		var status = processor.processingStatus();
		if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
			throw new IllegalStateException("projection " + processor.getName() + " is in error");
		}
		if (!ProcessorProgress.holdsAll(status)) {
			return this.progress.reached(processor.getName(), position);
		}
		return status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= position);
	}

}
