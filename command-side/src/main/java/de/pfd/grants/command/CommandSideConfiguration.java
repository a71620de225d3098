package de.pfd.grants.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.pfd.grants.command.common.RuleViolationTranslator;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

	/** A fund lives a whole year and collects many bookings: load it from a snapshot. */
	@Bean
	SnapshotTriggerDefinition fundSnapshotTrigger(Snapshotter snapshotter,
			@Value("${grants.fund.snapshot-threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	@Autowired
	void translateRefusals(CommandBus commandBus) {
		commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
	}

}
