package de.pfd.grants.server.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import de.pfd.grants.persistence.AxonJdbcSchemaAutoConfiguration;
import de.pfd.grants.server.security.CurrentUser;

/**
 * Stamps the acting user on every command; Axon copies it into the metadata of the events
 * the command causes, which makes the event store the audit trail. Commands sent without
 * a signed-in user (start-up seeding) are marked as sent by the system.
 */
class ActingUserInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

	static final String SYSTEM = "system";

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
			List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			if (command.getMetaData().containsKey(AxonJdbcSchemaAutoConfiguration.USER_ID)) {
				return command;
			}
			Map<String, Object> actor = new HashMap<>();
			CurrentUser.get().ifPresentOrElse(user -> {
				actor.put(AxonJdbcSchemaAutoConfiguration.USER_ID, user.username());
				actor.put(AxonJdbcSchemaAutoConfiguration.USER_ROLE, user.role().name());
			}, () -> {
				actor.put(AxonJdbcSchemaAutoConfiguration.USER_ID, SYSTEM);
				actor.put(AxonJdbcSchemaAutoConfiguration.USER_ROLE, SYSTEM.toUpperCase());
			});
			return command.andMetaData(actor);
		};
	}

}
