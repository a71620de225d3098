package de.pfd.grants.server.notification;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * The event store as the notifications see it: its stream "begins" at the head, so a
 * processor without a token (first deployed, or its token deleted) starts with the events
 * stored from then on and never mails the history.
 * <p>
 * A source of its own (named in {@code axon.eventhandling.processors.*.source}) instead
 * of {@code TrackingEventProcessorConfiguration.andInitialTrackingToken}: Spring Boot's
 * Axon configuration builds the processor of a configured group itself (with the group's
 * dead-letter queue) and refuses a second registration of the same name.
 */
@Component(EventsFromDeployment.BEAN)
class EventsFromDeployment implements StreamableMessageSource<TrackedEventMessage<?>> {

	static final String BEAN = "eventsFromDeployment";

	private final EventStore events;

	EventsFromDeployment(EventStore events) {
		this.events = events;
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
		return this.events.openStream(token);
	}

	/** The head: where a processor without a token begins. */
	@Override
	public TrackingToken createTailToken() {
		return this.events.createHeadToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.events.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.events.createTokenAt(dateTime);
	}

	@Override
	public TrackingToken createTokenSince(Duration duration) {
		return this.events.createTokenSince(duration);
	}

}
