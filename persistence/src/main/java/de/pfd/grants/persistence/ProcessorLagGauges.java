package de.pfd.grants.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far each event processor of this service is behind the head of the event stream:
 * {@code grants.processor.lag} (events; tag {@code group}) = the stream's head position
 * minus the lowest position of the processor's segments that this node holds, NaN while
 * it holds none (another node processes them). Works on the JDBC store and on Axon Server
 * (both answer a head token); the head is asked at most once a second. Registered once
 * the application is ready, when every processor is known.
 */
public class ProcessorLagGauges implements ApplicationListener<ApplicationReadyEvent> {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final EventProcessingConfiguration processing;

	private final StreamableMessageSource<?> stream;

	private final ObjectProvider<MeterRegistry> registry;

	private volatile long head = -1;

	private volatile Instant headAt = Instant.MIN;

	ProcessorLagGauges(EventProcessingConfiguration processing, StreamableMessageSource<?> stream,
			ObjectProvider<MeterRegistry> registry) {
		this.processing = processing;
		this.stream = stream;
		this.registry = registry;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent ready) {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters == null) {
			return;
		}
		this.processing.eventProcessors().forEach((name, processor) -> {
			if (processor instanceof StreamingEventProcessor streaming) {
				Gauge.builder("grants.processor.lag", streaming, this::lag)
					.description("Events the processor is behind the head of the event stream (this node's segments)")
					.baseUnit("events")
					.tag("group", name)
					.register(meters);
			}
		});
	}

	private double lag(StreamingEventProcessor processor) {
		Map<Integer, EventTrackerStatus> status = processor.processingStatus();
		long lowest = Long.MAX_VALUE;
		for (EventTrackerStatus segment : status.values()) {
			OptionalLong position = segment.getCurrentPosition();
			lowest = Math.min(lowest, position.orElse(-1));
		}
		if (lowest == Long.MAX_VALUE) {
			return Double.NaN;
		}
		return Math.max(0, head() - lowest);
	}

	private synchronized long head() {
		if (this.headAt.plus(FRESH).isBefore(Instant.now())) {
			try {
				TrackingToken token = this.stream.createHeadToken();
				this.head = token == null ? -1 : token.position().orElse(-1);
			}
			catch (RuntimeException gone) {
				// the last head stays while the store is unreachable
			}
			this.headAt = Instant.now();
		}
		return this.head;
	}

}
