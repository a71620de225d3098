package de.pfd.grants.server.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Dead letters make the service {@code DEGRADED} (it still serves, but a read model lags
 * behind its events) and are counted in the metric {@code grants.dead.letters}.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealth implements HealthIndicator, MeterBinder {

	static final Status DEGRADED = new Status("DEGRADED", "events wait in the dead-letter queue");

	private final DeadLetters deadLetters;

	DeadLetterHealth(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Override
	public Health health() {
		long count = this.deadLetters.count();
		return (count == 0 ? Health.up() : Health.status(DEGRADED)).withDetail("deadLetters", count).build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("grants.dead.letters", this.deadLetters, DeadLetters::count)
			.description("events waiting in the dead-letter queues")
			.register(registry);
	}

}
