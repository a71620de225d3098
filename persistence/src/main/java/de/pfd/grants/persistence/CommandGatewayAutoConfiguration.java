package de.pfd.grants.persistence;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A command gateway that retries commands which lost a race for the same aggregate. */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class CommandGatewayAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	ConcurrencyRetryScheduler concurrencyRetryScheduler(@Value("${grants.commands.max-retries:20}") int maxRetries,
			@Value("${grants.commands.retry-delay-ms:5}") long delayMillis) {
		return new ConcurrencyRetryScheduler(maxRetries, delayMillis);
	}

	@Bean
	CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetryScheduler retryScheduler) {
		return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
	}

}
