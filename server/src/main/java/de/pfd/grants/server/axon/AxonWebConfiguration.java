package de.pfd.grants.server.axon;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonWebConfiguration {

	@Autowired
	void stampActingUser(CommandBus commandBus) {
		commandBus.registerDispatchInterceptor(new ActingUserInterceptor());
	}

}
